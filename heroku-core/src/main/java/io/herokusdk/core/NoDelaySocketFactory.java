package io.herokusdk.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} on, for the SDK's HTTP clients. OkHttp leaves Nagle's
 * algorithm on, so a request whose body follows its headers in a second small write waits for the
 * peer's delayed ACK (about 40 ms on Linux) before the body leaves; Apache HttpClient and the
 * JDK's HttpClient turn it off. TLS sockets are layered over these, so HTTPS benefits too.
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  private final SocketFactory plain = SocketFactory.getDefault();

  private NoDelaySocketFactory() {}

  /** {@return the factory; it holds no state of its own} */
  public static NoDelaySocketFactory get() {
    return INSTANCE;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(plain.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(host, port, localAddress, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(host, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public String toString() {
    return "NoDelaySocketFactory";
  }
}
