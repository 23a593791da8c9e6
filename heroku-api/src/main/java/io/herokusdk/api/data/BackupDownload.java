package io.herokusdk.api.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Streams a signed URL into an output stream, resuming with {@code Range} after drops and after
 * stalls. OkHttp's read timeout arms Okio's watchdog thread on every 8 KiB socket read, which
 * costs about a third of the throughput of a fast download; the copy runs without it and a {@link
 * StallGuard} of its own cancels a read that waits longer than the client's read timeout.
 */
final class BackupDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-\\d+/(\\d+|\\*)$");
  private static final int BUFFER = 64 * 1024;
  private static final int MAX_RESUMES = Backups.MAX_RESUMES;

  private BackupDownload() {}

  static long copy(OkHttpClient client, URI url, String backup, OutputStream out,
      Consumer<? super DownloadProgress> progress) {
    try (StallGuard guard = new StallGuard(client.readTimeoutMillis())) {
      return copy(client.newBuilder().readTimeout(Duration.ZERO).build(), guard, url, backup,
          out, progress);
    }
  }

  private static long copy(OkHttpClient client, StallGuard guard, URI url, String backup,
      OutputStream out, Consumer<? super DownloadProgress> progress) {
    long written = 0;
    long total = -1;
    int resumes = 0;
    byte[] buffer = new byte[BUFFER];
    while (true) {
      Request.Builder request = new Request.Builder().url(url.toString());
      if (written > 0) request.header("Range", "bytes=" + written + "-");
      Call call = client.newCall(request.build());
      guard.reading(call);
      try (Response response = call.execute()) {
        long skip = 0;
        if (written > 0 && response.code() == 206) {
          Matcher m = CONTENT_RANGE.matcher(String.valueOf(response.header("Content-Range")));
          if (!m.matches() || Long.parseLong(m.group(1)) != written) {
            throw new BackupDownloadException("backup " + backup + ": resumed at byte " + written
                + " but the server sent Content-Range " + response.header("Content-Range"),
                written, null);
          }
          if (!m.group(2).equals("*")) total = Long.parseLong(m.group(2));
        } else if (written > 0 && response.code() == 416 && written == total) {
          return written;
        } else if (response.code() == 200) {
          skip = written; // the server ignored Range: read past what is already written
          ResponseBody body = response.body();
          if (body.contentLength() >= 0) total = body.contentLength();
        } else {
          throw new BackupDownloadException("backup " + backup + ": the download URL answered "
              + response.code() + (response.code() == 403
                  ? " (the signed URL expired? ask for a new one)" : ""), written, null);
        }
        InputStream in = response.body().byteStream();
        while (skip > 0) {
          long n = in.skip(skip);
          if (n <= 0) throw new IOException("connection ended while skipping to byte " + written);
          skip -= n;
        }
        int n;
        while ((n = guard.read(call, in, buffer)) != -1) {
          write(out, buffer, n, backup);
          written += n;
          progress.accept(new DownloadProgress(written, total, resumes));
        }
        if (total >= 0 && written != total) {
          throw new IOException("connection ended at byte " + written + " of " + total);
        }
        return written;
      } catch (IOException e) {
        IOException cause = guard.stalled(e);
        if (++resumes > MAX_RESUMES) {
          throw new BackupDownloadException("backup " + backup + ": download failed at byte "
              + written + " after " + MAX_RESUMES + " resumes: " + cause.getMessage(), written,
              cause);
        }
      } finally {
        guard.idle();
      }
    }
  }

  /**
   * The read timeout of the copy: a daemon thread that, a few times per timeout, cancels the call
   * if one read (or the wait for the response headers) has been blocked longer than the timeout.
   * The time spent writing to the caller's stream does not count, as with OkHttp's own timeout.
   */
  private static final class StallGuard implements AutoCloseable {
    private final long timeoutNanos;
    private final @Nullable Thread thread;
    private volatile @Nullable Call call;
    private volatile long since;
    private volatile boolean fired;
    private volatile boolean closed;

    StallGuard(long timeoutMillis) {
      this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      this.thread = timeoutMillis > 0 ? new Thread(this::watch, "heroku-backup-download-guard")
          : null;
      if (thread != null) {
        thread.setDaemon(true);
        thread.start();
      }
    }

    /** {@code call} is about to block (sending the request, waiting for headers). */
    void reading(Call call) {
      this.call = call;
      this.since = System.nanoTime();
    }

    void idle() {
      since = 0;
    }

    int read(Call call, InputStream in, byte[] buffer) throws IOException {
      reading(call);
      int n = in.read(buffer);
      since = 0;
      return n;
    }

    /** {@code e}, or a timeout naming the stall if the guard cancelled the call. */
    IOException stalled(IOException e) {
      if (!fired) return e;
      fired = false;
      SocketTimeoutException timeout = new SocketTimeoutException("no bytes for "
          + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
      timeout.initCause(e);
      return timeout;
    }

    private void watch() {
      while (!closed) {
        LockSupport.parkNanos(this, Math.max(timeoutNanos / 4, 1_000_000));
        long started = since;
        if (started != 0 && System.nanoTime() - started > timeoutNanos) {
          fired = true;
          since = 0;
          Call current = call;
          if (current != null) current.cancel();
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      if (thread != null) LockSupport.unpark(thread);
    }
  }

  private static void write(OutputStream out, byte[] buffer, int n, String backup) {
    try {
      out.write(buffer, 0, n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write backup " + backup, e);
    }
  }
}
