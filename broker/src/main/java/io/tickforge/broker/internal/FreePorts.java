package io.tickforge.broker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a port that is free right now on a given address. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * @param host the address to probe
     * @return a port that was free a moment ago (the usual bind race applies; the broker binds it at once)
     */
    public static int pick(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }
}
