package io.tursoj.io;

import java.io.IOException;

class MemoryIOTest extends IOConformanceTest {
    @Override
    protected IO newIO() {
        return new MemoryIO();
    }

    @Override
    protected String expectedName() {
        return "memory";
    }

    @Override
    protected IO reopen(IO old) throws IOException {
        return old; // files live in the instance, like a RAM disk
    }

    @Override
    protected boolean usesRealFiles() {
        return false;
    }
}
