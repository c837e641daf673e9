package io.tursoj.io.nio;

import io.tursoj.io.IO;
import io.tursoj.io.IOConformanceTest;
import io.tursoj.io.IOOptions;
import io.tursoj.io.OpenFlags;
import java.io.IOException;

/** The shared backend conformance suite, run against the NIO backend on real files. */
class NioIOTest extends IOConformanceTest {
    @Override
    protected IO newIO() {
        return new NioIO(IOOptions.defaults());
    }

    @Override
    protected String expectedName() {
        return "nio";
    }

    /** O_DIRECT needs a file system that supports it (tmpfs does not); probe the test directory. */
    @Override
    protected boolean supportsDirect() {
        try (NioIO probe = new NioIO(IOOptions.defaults())) {
            probe.openFile(path("probe-direct"), OpenFlags.READ_WRITE_CREATE.with(OpenFlags.DIRECT))
                    .close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
