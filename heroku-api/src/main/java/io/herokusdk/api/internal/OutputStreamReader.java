package io.herokusdk.api.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Reads an {@code output_stream_url} (build or release-phase output) line by line as it
 * arrives, through the stream client (no token). Minimal: no resume after a disconnect. Not API.
 */
public final class OutputStreamReader {
  private OutputStreamReader() {}

  /**
   * Sends each line of the stream at {@code url} to {@code lines} and returns the last {@code
   * keep} lines.
   *
   * @throws IOException if the stream could not be read (the message never holds the URL,
   *     which is signed)
   */
  public static List<String> read(OkHttpClient streamClient, String url, Consumer<String> lines,
      int keep) throws IOException {
    Objects.requireNonNull(lines, "lines == null");
    Deque<String> tail = new ArrayDeque<>();
    Request request = new Request.Builder().url(url).header("Accept", "text/plain").build();
    try (Response response = streamClient.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("output stream answered HTTP " + response.code());
      }
      BufferedSource source = response.body().source();
      for (String line; (line = source.readUtf8Line()) != null; ) {
        lines.accept(line);
        tail.addLast(line);
        if (tail.size() > keep) tail.removeFirst();
      }
    }
    return List.copyOf(tail);
  }
}
