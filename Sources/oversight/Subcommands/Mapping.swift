import ArgumentParser
import OversightInterchange

extension OversightCommand {
    struct Mapping: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the standard value mapping as JSON, to copy and adapt for a council.",
            discussion: """
                Case systems export descriptions where the returns want DfE codes. Save this output, add your \
                council's wordings under "values", set "allocatedWorkerRoles" to the involvement codes that mean \
                allocated social worker, and pass the file to 'oversight import ssd --mapping FILE'.
                """)

        func run() {
            print(ValueMapping.standard.jsonText())
        }
    }
}
