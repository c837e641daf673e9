package io.tursoj.io.uring;

import io.tursoj.io.IOOptions;

/** Run in a child JVM by {@link HandOffTest}: prints what the probe decides under that JVM's flags. */
public final class ProbeMain {
    private ProbeMain() {}

    public static void main(String[] args) throws Exception {
        Capabilities c = Capabilities.get();
        System.out.println("available=" + c.available());
        System.out.println("agrona=" + HandOff.agronaUsable());
        System.out.println("reason=" + c.reason());
        if (c.available()) {
            try (UringIO io = new UringIO(IOOptions.defaults())) {
                System.out.println("io=" + io.name());
            }
        }
    }
}
