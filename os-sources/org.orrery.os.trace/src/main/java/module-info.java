// SPDX-License-Identifier: EPL-2.0
/** Trace points: per-core preallocated buffers and the CTF 1.8 writer and reader. */
module org.orrery.os.trace {
    exports org.orrery.os.trace;
    exports org.orrery.os.trace.ctf;
}
