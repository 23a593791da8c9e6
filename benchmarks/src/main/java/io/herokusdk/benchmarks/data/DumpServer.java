package io.herokusdk.benchmarks.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serving side of the download benchmark: a loopback HTTP/1.1 server that answers the Data
 * API's {@code POST .../transfers/{num}/actions/public-url} with a signed-looking URL of its own
 * and serves that URL from a file with {@code sendfile} ({@link FileChannel#transferTo}), honouring
 * {@code Range: bytes=N-}. Backup 1 is the whole file, backup 2 its first quarter.
 *
 * <p>It exists because heroku-testing's {@code FakeDataApi} generates each byte while sending
 * (about 300 MB/s here): a cap both clients would hit, hiding any difference between them.
 */
final class DumpServer implements Closeable {
  private static final Pattern PUBLIC_URL =
      Pattern.compile("^POST /client/v11/apps/[^/]+/transfers/(\\d+)/actions/public-url$");
  private static final Pattern DUMP = Pattern.compile("^GET /_dump/(\\d+)\\?signature=[-0-9a-f]+$");
  private static final Pattern RANGE = Pattern.compile("^bytes=(\\d+)-$");

  private final FileChannel file;
  private final long size;
  private final String token;
  private final ServerSocketChannel server;
  private final Thread acceptor;

  DumpServer(Path dump, String token) {
    try {
      this.file = FileChannel.open(dump, StandardOpenOption.READ);
      this.size = file.size();
      this.token = token;
      this.server = ServerSocketChannel.open()
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve " + dump, e);
    }
    acceptor = new Thread(this::accept, "dump-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Like {@code http://127.0.0.1:PORT/}: the data URL for the SDK. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.socket().getLocalPort() + "/";
  }

  @Override
  public void close() throws IOException {
    server.close();
    file.close();
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel connection = server.accept();
        Thread thread = new Thread(() -> serve(connection), "dump-connection");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Answers requests on one keep-alive connection until the client closes it. */
  private void serve(SocketChannel connection) {
    ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    try (connection) {
      connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
      while (true) {
        int end;
        while ((end = headerEnd(in)) < 0) {
          if (!in.hasRemaining() || connection.read(in) < 0) return;
        }
        String[] lines = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1)
            .split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon > 0) {
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                lines[i].substring(colon + 1).trim());
          }
        }
        // drop the request and its body (the public-url POST sends "{}")
        long body = Long.parseLong(headers.getOrDefault("content-length", "0"));
        in.flip().position(end + 4);
        in.compact();
        while (body > 0) {
          in.flip();
          int skip = (int) Math.min(body, in.remaining());
          in.position(in.position() + skip);
          in.compact();
          body -= skip;
          if (body > 0 && connection.read(in) < 0) return;
        }
        answer(connection, lines[0].substring(0, lines[0].lastIndexOf(' ')), headers);
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void answer(SocketChannel connection, String request, Map<String, String> headers)
      throws IOException {
    Matcher publicUrl = PUBLIC_URL.matcher(request);
    Matcher dump = DUMP.matcher(request);
    if (publicUrl.matches()) {
      if (!("Bearer " + token).equals(headers.get("authorization"))) {
        send(connection, "401 Unauthorized", "application/json",
            "{\"id\":\"unauthorized\",\"message\":\"Invalid credentials provided.\"}");
        return;
      }
      send(connection, "200 OK", "application/json", "{\"url\":\"" + baseUrl() + "_dump/"
          + publicUrl.group(1) + "?signature=" + UUID.randomUUID() + "\",\"expires_at\":\""
          + Instant.now().plusSeconds(600) + "\"}");
    } else if (dump.matches() && !headers.containsKey("authorization")) {
      long length = dump.group(1).equals("1") ? size : dump.group(1).equals("2") ? size / 4 : -1;
      if (length < 0) {
        send(connection, "404 Not Found", "text/plain", "no such dump");
        return;
      }
      String range = headers.get("range");
      Matcher from = range == null ? null : RANGE.matcher(range);
      if (from != null && (!from.matches() || Long.parseLong(from.group(1)) >= length)) {
        send(connection, "416 Range Not Satisfiable", "text/plain", "");
        return;
      }
      long start = from == null ? 0 : Long.parseLong(from.group(1));
      String head = (from == null ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 206 Partial Content\r\n"
          + "Content-Range: bytes " + start + "-" + (length - 1) + "/" + length + "\r\n")
          + "Content-Type: application/octet-stream\r\nContent-Length: " + (length - start)
          + "\r\n\r\n";
      write(connection, head);
      for (long at = start; at < length; ) {
        at += file.transferTo(at, length - at, connection);
      }
    } else {
      send(connection, "404 Not Found", "text/plain", "not served: " + request);
    }
  }

  private static void send(SocketChannel connection, String status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    write(connection, "HTTP/1.1 " + status + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body);
  }

  private static void write(SocketChannel connection, String text) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (out.hasRemaining()) connection.write(out);
  }

  /** The index of the blank line ending the headers in {@code in} (being filled), or -1. */
  private static int headerEnd(ByteBuffer in) {
    byte[] a = in.array();
    for (int i = 0; i + 3 < in.position(); i++) {
      if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') return i;
    }
    return -1;
  }
}
