package io.herokusdk.testing.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of the kit's fakes ({@code FakeHerokuApi}, {@code FakeSendGrid}): a
 * MockWebServer on a loopback port whose connections set {@code TCP_NODELAY}, answering every
 * request with one handler, plus the JSON and body helpers they share.
 */
public final class FakeHttpServer implements Closeable {
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private final MockWebServer server = new MockWebServer();

  private FakeHttpServer(Function<RecordedRequest, MockResponse> handler) {
    // Without TCP_NODELAY a response body waits ~40 ms for the client's delayed ACK.
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return handler.apply(request);
      }
    });
  }

  /**
   * Starts a server on the loopback {@code port} (0 for a free one) that answers every request
   * with {@code handler}.
   *
   * @param name what it fakes, for the error message, like {@code "Heroku API"}
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static FakeHttpServer start(int port, String name,
      Function<RecordedRequest, MockResponse> handler) {
    FakeHttpServer fake = new FakeHttpServer(Objects.requireNonNull(handler, "handler == null"));
    try {
      fake.server.start(InetAddress.getLoopbackAddress(), port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake " + name + " server", e);
    }
    return fake;
  }

  /** Returns {@code port} if it can be listened on (0 for a free one, up to 65535). */
  public static int checkPort(int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range");
    return port;
  }

  /**
   * Keeps at most {@code bytes} of each request body in memory (the rest is read, counted and
   * dropped), so a large upload does not fill the heap.
   */
  public void bodyLimit(long bytes) {
    if (bytes < 0) throw new IllegalArgumentException("bytes < 0");
    server.setBodyLimit(bytes);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** Its origin, {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String origin() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  /** The request's body as UTF-8 text, empty when there was none. */
  public static String bodyText(RecordedRequest request) {
    ByteString bytes = request.getBody();
    return bytes == null ? "" : bytes.utf8();
  }

  /** The request's body size in bytes, 0 when there was none. */
  public static long bodySize(RecordedRequest request) {
    ByteString bytes = request.getBody();
    return bytes == null ? 0 : bytes.size();
  }

  /** Parses JSON into maps, lists, strings, doubles, booleans and nulls; null for {@code null}. */
  public static @Nullable Object parseJson(String json) throws IOException {
    return JSON.fromJson(json);
  }

  /** Writes maps, lists, strings, numbers and booleans as JSON, keeping null members. */
  public static String toJson(Object value) {
    return JSON.toJson(value);
  }

  /** Server sockets whose connections send small writes at once (TCP_NODELAY). */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return createServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, @Nullable InetAddress address)
        throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }
}
