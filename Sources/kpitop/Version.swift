/// kpitop's version: what `kpitop --version` prints, and (read from that output by
/// `Scripts/package`) the version of the tarball and the .deb. Change it here only.
let kpitopVersion = "0.1.0"
