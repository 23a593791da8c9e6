package io.herokusdk.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports that are free on the loopback interface right now. */
public final class FreePorts {
  private FreePorts() {}

  /** Returns a port that was free on 127.0.0.1 a moment ago. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on the loopback interface", e);
    }
  }

  /** Returns {@code preferred} if it is positive, else a free port. */
  public static int orNext(int preferred) {
    return preferred > 0 ? preferred : next();
  }
}
