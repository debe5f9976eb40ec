import OversightCore

extension JourneyBuilder {
    /// Allocates social workers (`CW` involvements) through a referral's phases.
    ///
    /// The case moves team when its phase changes (assessment, child protection, child in need, in care),
    /// each move a standard transfer; within a phase the worker also changes now and then for the
    /// reasons councils record (SSDA903 `SW_REASON`), about once every eleven months. The first
    /// allocation is "first contact" and starts on the referral day, or a little later for the few
    /// children who wait to be allocated.
    mutating func allocateCaseWorkers(referral index: Int, phases: [(LocalDate, TeamFunction)]) {
        let close = child.referrals[index].close
        var ordered: [(LocalDate, TeamFunction)] = []
        for phase in phases.sorted(by: { $0.0 < $1.0 }) {
            if let last = ordered.last {
                if last.1 == phase.1 { continue }
                if last.0 == phase.0 {
                    ordered[ordered.count - 1] = phase
                    continue
                }
            }
            ordered.append(phase)
        }
        let firstInvolvement = child.involvements.count
        for (position, phase) in ordered.enumerated() {
            let segmentEnd: LocalDate? = position + 1 < ordered.count ? ordered[position + 1].0 : close
            let team = workforce.team(for: phase.1, locality: child.locality)
            var start = phase.0
            if position == 0 && phase.1 != .frontDoor && rng.chance(0.03) {
                let delayed = start.adding(days: rng.int(in: 3...20))
                if segmentEnd.map({ delayed < $0 }) ?? true { start = delayed }
            }
            var reason: WorkerChangeReason = position == 0 ? .firstContact : .standardTransfer
            var worker = workforce.worker(in: team, rng: &rng)
            while true {
                var until = segmentEnd
                let change = start.adding(days: 14 + Int(rng.exponential(mean: 330)))
                if change <= extractDate, segmentEnd.map({ change < $0 }) ?? true { until = change }
                child.involvements.append(
                    SimulatedChild.Involvement(
                        id: numbers.take(.involvement), worker: worker, team: team, role: .caseWorker, start: start,
                        end: until, changeReason: reason, referral: index))
                guard let next = until, next != segmentEnd else { break }
                start = next
                reason = Distributions.workerChangeReason.draw(&rng)
                let previous = worker
                for _ in 0..<3 where worker == previous { worker = workforce.worker(in: team, rng: &rng) }
            }
        }

        let involvements = child.involvements[firstInvolvement...]
        guard let first = involvements.first else { return }
        child.referrals[index].team = first.team
        child.referrals[index].worker = first.worker
        func allocated(on date: LocalDate) -> (team: Int, worker: Int) {
            let current = involvements.last { $0.start <= date } ?? first
            return (current.team, current.worker)
        }
        for position in child.referrals[index].assessments.indices {
            let (team, worker) = allocated(on: child.referrals[index].assessments[position].start)
            child.referrals[index].assessments[position].team = team
            child.referrals[index].assessments[position].worker = worker
        }
        for position in child.referrals[index].enquiries.indices {
            let (team, worker) = allocated(on: child.referrals[index].enquiries[position].start)
            child.referrals[index].enquiries[position].team = team
            child.referrals[index].enquiries[position].worker = worker
        }
        for position in child.referrals[index].cinPlans.indices {
            let (team, worker) = allocated(on: child.referrals[index].cinPlans[position].start)
            child.referrals[index].cinPlans[position].team = team
            child.referrals[index].cinPlans[position].worker = worker
        }
        // Conferences are organised and chaired by the reviewing service, not the child's worker.
        let reviewing = workforce.team(for: .reviewing, locality: child.locality)
        for position in child.referrals[index].conferences.indices {
            child.referrals[index].conferences[position].team = reviewing
            child.referrals[index].conferences[position].worker = workforce.worker(in: reviewing, rng: &rng)
        }
    }
}
