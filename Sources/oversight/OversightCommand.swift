import ArgumentParser
import GRDB
import Hummingbird
@main struct OversightCommand: ParsableCommand {}
