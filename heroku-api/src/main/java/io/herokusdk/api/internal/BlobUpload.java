package io.herokusdk.api.internal;

import io.herokusdk.core.Backoff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUTs a file to a signed storage URL, streamed from disk. A PUT replaces the whole object, so
 * a failed attempt is repeated from byte 0 (never resumed, never appended): after a connection
 * failure, a 408, a 429 or a 5xx, up to {@code attempts} times with backoff. A timeout or another
 * 4xx (an expired or wrong signature) is not retried. Not API.
 */
public final class BlobUpload {
  private static final Logger log = LoggerFactory.getLogger("io.herokusdk.api.workflow.Deploys");
  private static final int PIECE = 256 * 1024;

  /** Sees the bytes sent so far of one attempt; {@code sent} goes back to 0 when retried. */
  @FunctionalInterface
  public interface Progress {
    /** Called after each piece handed to the connection, and at the end of an attempt. */
    void sent(long sent, long total);
  }

  /** The upload failed; {@code status} is the last HTTP status, 0 if none. */
  public static final class Failed extends IOException {
    private static final long serialVersionUID = 1L;
    /** The last HTTP status, or 0 if the last attempt got none. */
    public final int status;
    /** How many attempts were made. */
    public final int attempts;

    Failed(String message, int status, int attempts, @Nullable Throwable cause) {
      super(message, cause);
      this.status = status;
      this.attempts = attempts;
    }
  }

  private final OkHttpClient client;
  private final Backoff backoff;
  private final Sleeper sleeper;

  /** Uploads with {@code client} (one without the API's token), waiting {@code backoff} between attempts. */
  public BlobUpload(OkHttpClient client, Backoff backoff, Sleeper sleeper) {
    this.client = client;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  /**
   * PUTs {@code file} ({@code size} bytes) to {@code url} with no {@code Content-Type}.
   *
   * @param timeout the limit for each attempt, connect to response
   * @throws Failed when it could not be stored
   */
  public void put(String url, Path file, long size, Duration timeout, int attempts,
      Progress progress) throws Failed {
    OkHttpClient timed = client.newBuilder().callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .build();
    Request request = new Request.Builder().url(url)
        .put(new FileBody(file, size, progress)).build();
    int status = 0;
    IOException lastError = null;
    for (int attempt = 1; ; attempt++) {
      String problem;
      try (Response response = timed.newCall(request).execute()) {
        status = response.code();
        if (response.isSuccessful()) return;
        String answer = response.body().string();
        problem = "HTTP " + status + (answer.isBlank() ? "" : ": " + abbreviate(answer));
        lastError = null;
        if (!(status == 408 || status == 429 || status >= 500)) {
          throw new Failed("the upload URL refused the source tarball (" + problem
              + "); a signed URL expires after about an hour: start the deploy again", status,
              attempt, null);
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new Failed("the upload was interrupted", 0, attempt, e);
        }
        throw new Failed("the upload did not finish within " + timeout
            + " (raise uploadTimeout for large sources or slow links)", 0, attempt, e);
      } catch (Failed e) {
        throw e;
      } catch (IOException e) {
        status = 0;
        lastError = e;
        problem = e.toString();
      }
      if (attempt >= attempts) {
        throw new Failed("the upload failed after " + attempt + " attempt(s): " + problem, status,
            attempt, lastError);
      }
      Duration pause = backoff.delayForAttempt(attempt);
      log.warn("upload attempt {} failed ({}); sending the whole tarball again in {} ms", attempt,
          problem, pause.toMillis());
      try {
        sleeper.sleep(pause);
      } catch (java.io.UncheckedIOException e) {
        throw new Failed("the upload was interrupted", status, attempt, e.getCause());
      }
    }
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  /** The file as a body without a media type, read from disk while it is written. */
  private static final class FileBody extends RequestBody {
    private final Path file;
    private final long size;
    private final Progress progress;

    FileBody(Path file, long size, Progress progress) {
      this.file = file;
      this.size = size;
      this.progress = progress;
    }

    @Override
    public @Nullable MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      return size;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      progress.sent(0, size);
      long sent = 0;
      long reported = 0;
      // Read straight into the sink's buffer (okio segments), as OkHttp's own file body does:
      // no copy through a byte[] of ours.
      try (Source in = Okio.source(file)) {
        long n;
        while ((n = in.read(sink.getBuffer(), PIECE)) != -1) {
          sink.emitCompleteSegments();
          sent += n;
          if (sent - reported >= PIECE) {
            progress.sent(sent, size);
            reported = sent;
          }
        }
      }
      if (reported != sent) progress.sent(sent, size);
    }
  }
}
