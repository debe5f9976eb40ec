import Foundation
import OversightCore

/// The audit templates shipped with Oversight: a case-file audit, a thematic dip sample and a supervision observation,
/// one JSON file per version in `Resources/`.
public enum AuditTemplates {
    /// Every shipped template, every version.
    public static let shipped: [AuditTemplate] = {
        // The files are part of the build and decoded by a test, so a failure here is a packaging fault, not input.
        [PackageResources.case_file_audit_v1_json, PackageResources.thematic_dip_sample_v1_json, PackageResources.supervision_observation_v1_json]
            .map { try! JSONDecoder().decode(AuditTemplate.self, from: Data($0)) }
    }()

    /// The template with this ID: the given version, or the latest when `version` is `nil`.
    public static func template(_ id: String, version: Int? = nil) -> AuditTemplate? {
        shipped.filter { $0.id == id && (version == nil || $0.version == version) }.max { $0.version < $1.version }
    }
}
