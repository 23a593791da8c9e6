package io.herokusdk.api.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Streams a signed URL into an output stream, resuming with {@code Range} after drops. */
final class BackupDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d+)-\\d+/(\\d+|\\*)$");
  private static final int BUFFER = 64 * 1024;
  private static final int MAX_RESUMES = Backups.MAX_RESUMES;

  private BackupDownload() {}

  static long copy(OkHttpClient client, URI url, String backup, OutputStream out,
      Consumer<? super DownloadProgress> progress) {
    long written = 0;
    long total = -1;
    int resumes = 0;
    byte[] buffer = new byte[BUFFER];
    while (true) {
      Request.Builder request = new Request.Builder().url(url.toString());
      if (written > 0) request.header("Range", "bytes=" + written + "-");
      try (Response response = client.newCall(request.build()).execute()) {
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
        while ((n = in.read(buffer)) != -1) {
          write(out, buffer, n, backup);
          written += n;
          progress.accept(new DownloadProgress(written, total, resumes));
        }
        if (total >= 0 && written != total) {
          throw new IOException("connection ended at byte " + written + " of " + total);
        }
        return written;
      } catch (IOException e) {
        if (++resumes > MAX_RESUMES) {
          throw new BackupDownloadException("backup " + backup + ": download failed at byte "
              + written + " after " + MAX_RESUMES + " resumes: " + e.getMessage(), written, e);
        }
      }
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
