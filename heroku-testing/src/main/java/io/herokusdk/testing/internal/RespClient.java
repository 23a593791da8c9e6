package io.herokusdk.testing.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A tiny blocking Redis client speaking RESP2 over a plain or TLS socket: enough for the kit to
 * AUTH, SELECT, FLUSHDB and CONFIG SET, and for tests to PING, SET and GET. Not thread-safe.
 */
public final class RespClient implements Closeable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = new BufferedOutputStream(socket.getOutputStream());
  }

  /** Connects over plain TCP. */
  public static RespClient connect(String host, int port, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      return new RespClient(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Connects over TLS with {@code context}; the handshake happens here. Host names are not
   * checked, only the chain (if the context's trust managers check it).
   */
  public static RespClient connectTls(String host, int port, SSLContext context, Duration timeout)
      throws IOException {
    Socket raw = new Socket();
    try {
      raw.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      raw.setSoTimeout((int) timeout.toMillis());
      SSLSocketFactory factory = context.getSocketFactory();
      SSLSocket tls = (SSLSocket) factory.createSocket(raw, host, port, true);
      try {
        tls.startHandshake();
      } catch (IOException e) {
        tls.close();
        throw e;
      }
      return new RespClient(tls);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** An SSL context that encrypts but trusts any certificate, as clients of Heroku Redis must. */
  public static SSLContext trustAllContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The socket, e.g. to check it is an {@link SSLSocket}. */
  public Socket socket() {
    return socket;
  }

  /**
   * Sends one command and returns its reply: a String (simple or bulk string), Long, null (nil)
   * or List. An error reply throws {@link RespException}.
   */
  public @Nullable Object command(String... args) throws IOException {
    out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      out.write(('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
    out.flush();
    return readReply();
  }

  /** Sends a command whose reply must be a string and returns it. */
  public @Nullable String string(String... args) throws IOException {
    Object reply = command(args);
    if (reply != null && !(reply instanceof String)) {
      throw new IOException("expected a string reply to " + args[0] + ", got " + reply);
    }
    return (String) reply;
  }

  /** AUTH with the default user. */
  public RespClient auth(String password) throws IOException {
    string("AUTH", password);
    return this;
  }

  /** SELECT a database index. */
  public RespClient select(int db) throws IOException {
    string("SELECT", Integer.toString(db));
    return this;
  }

  /** PING; returns "PONG". */
  public @Nullable String ping() throws IOException {
    return string("PING");
  }

  /**
   * Sends nothing and waits up to {@code max} for the server to close the connection (as its idle
   * timeout does); returns true if it did. Sending anything would reset the server's idle timer.
   */
  public boolean awaitClosedByServer(Duration max) throws IOException {
    int before = socket.getSoTimeout();
    socket.setSoTimeout((int) max.toMillis());
    try {
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset or TLS alert: closed all the same
    } finally {
      if (!socket.isClosed()) socket.setSoTimeout(before);
    }
  }

  /** Reads "redis_version" from INFO server. */
  public @Nullable String version() throws IOException {
    String info = string("INFO", "server");
    if (info == null) return null;
    for (String line : info.split("\r\n")) {
      if (line.startsWith("redis_version:")) {
        return line.substring("redis_version:".length()).strip();
      }
    }
    return "unknown";
  }

  private @Nullable Object readReply() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("the Redis server closed the connection");
    }
    String line = readLine();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new RespException(line);
      case ':':
        return Long.parseLong(line);
      case '$':
        {
          int length = Integer.parseInt(line);
          if (length < 0) return null;
          byte[] data = in.readNBytes(length);
          if (data.length != length) throw new EOFException("truncated bulk reply");
          readLine();
          return new String(data, StandardCharsets.UTF_8);
        }
      case '*':
        {
          int count = Integer.parseInt(line);
          if (count < 0) return null;
          List<Object> items = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            try {
              items.add(readReply());
            } catch (RespException e) {
              items.add(e);
            }
          }
          return items;
        }
      default:
        throw new IOException("not a RESP reply (type byte " + type + ")");
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) throw new EOFException("the Redis server closed the connection");
      if (b == '\r') {
        int next = in.read();
        if (next != '\n') throw new IOException("malformed RESP line");
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** An error reply from the server, e.g. "WRONGPASS ..." or "NOAUTH ...". */
  public static final class RespException extends IOException {
    private static final long serialVersionUID = 1L;

    RespException(String message) {
      super(message);
    }
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
