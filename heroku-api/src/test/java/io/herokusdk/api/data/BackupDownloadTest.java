package io.herokusdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The copy runs without OkHttp's per-read timeout (for throughput) and keeps the client's read
 * timeout with a guard of its own: a stalled body is resumed, a slow destination is not a stall.
 */
class BackupDownloadTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient.Builder()
      .readTimeout(Duration.ofMillis(300)).build();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBodyThatStallsLongerThanTheReadTimeoutIsResumedWithRange() throws Exception {
    // 1000 bytes, then nothing for 30 s: only a read timeout gets the download going again
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[3000]))
        .throttleBody(1000, 30, TimeUnit.SECONDS).build());
    server.enqueue(new MockResponse.Builder().code(206)
        .addHeader("Content-Range", "bytes 1000-2999/3000")
        .body(new Buffer().write(new byte[2000])).build());
    List<DownloadProgress> progress = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long bytes = BackupDownload.copy(client, url(), "b001", out, progress::add);

    assertThat(bytes).isEqualTo(3000);
    assertThat(out.size()).isEqualTo(3000);
    assertThat(progress.get(progress.size() - 1).resumes()).isEqualTo(1);
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=1000-");
  }

  @Test
  void aBodyThatKeepsStallingFailsNamingTheStall() {
    for (int i = 0; i <= Backups.MAX_RESUMES; i++) {
      server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[3000]))
          .throttleBody(1, 30, TimeUnit.SECONDS).build());
    }

    assertThatThrownBy(() -> BackupDownload.copy(client, url(), "b001",
        new ByteArrayOutputStream(), p -> { }))
        .isInstanceOf(BackupDownloadException.class)
        .hasMessageContaining("no bytes for 300 ms")
        .hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void aDestinationSlowerThanTheReadTimeoutIsNotAStall() {
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[3000])).build());
    List<DownloadProgress> progress = new ArrayList<>();
    ByteArrayOutputStream slow = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        try {
          Thread.sleep(600); // twice the read timeout, in the caller's code, not in a read
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        super.write(b, off, len);
      }
    };

    assertThat(BackupDownload.copy(client, url(), "b001", slow, progress::add)).isEqualTo(3000);
    assertThat(progress).allMatch(p -> p.resumes() == 0);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private URI url() {
    return server.url("/dump?signature=x").uri();
  }
}
