package io.tursoj.io.uring;

import io.tursoj.io.IO;
import io.tursoj.io.IOConformanceTest;
import io.tursoj.io.IOOptions;
import java.io.IOException;

/** The shared backend conformance suite, run against a real io_uring ring. */
class UringIOTest extends IOConformanceTest {
    @Override
    protected IO newIO() throws IOException {
        return new UringIO(IOOptions.defaults());
    }

    @Override
    protected String expectedName() {
        return "uring";
    }
}
