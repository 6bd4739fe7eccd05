import FuzzChecks

/// libFuzzer's entry point (libFuzzer provides `main`): see FuzzTarget.goals.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.goals.run(data, size)
}
