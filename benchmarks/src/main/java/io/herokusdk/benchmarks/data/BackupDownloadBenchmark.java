package io.herokusdk.benchmarks.data;

import io.herokusdk.api.Heroku;
import io.herokusdk.api.data.Backups;
import io.herokusdk.benchmarks.Stats;
import io.herokusdk.testing.herokuapi.FakeDataApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A backup download side by side, in one run: {@code heroku.data().postgres().backups()
 * .download(app, backup, path, progress)} (the Data API's public-url call, then the signed URL
 * streamed) vs {@code curl -sS -o PATH URL} on a signed URL of the same server, to {@code
 * /dev/null} and to a file each; then the SDK's peak heap for a quarter-size and a full-size
 * backup (run with a heap far smaller than the backup).
 *
 * <p>The server runs in a JVM of its own ({@link DumpServer}: the dump is a file of {@link
 * FakeDataApi}'s bytes sent with {@code sendfile}), so the serving side is the same for both
 * clients and not their bottleneck. One round each through {@code FakeDataApi} itself shows why:
 * it generates the bytes while sending, at a few hundred MB/s.
 *
 * <p>Arguments: {@code [MiB=1024] [rounds=5]}. Run from the repository root: {@code
 * benchmarks/download-benchmark.sh}; figures in the Heroku Data section of heroku-api/README.md.
 */
public final class BackupDownloadBenchmark {
  private static final String TOKEN = "01234567-89ab-cdef-0123-456789abcdef";
  private static final String APP = "bench-app";
  private static final Path DEV_NULL = Path.of("/dev/null");

  private BackupDownloadBenchmark() {}

  /** Runs the benchmark (or, with {@code --serve MiB DIR}, the serving side) and prints it. */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--serve")) {
      serve(Long.parseLong(args[1]) << 20, Path.of(args[2]));
      return;
    }
    long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long size = mib << 20;
    Path dir = Files.createTempDirectory("download-benchmark");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
        System.getProperty("java.class.path"), BackupDownloadBenchmark.class.getName(),
        "--serve", Long.toString(mib), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8));
    String dumpServer = serverOut.readLine();
    String fakeDataApi = serverOut.readLine();
    if (dumpServer == null || fakeDataApi == null) throw new IllegalStateException("no server");
    try (Heroku heroku = client(dumpServer); Heroku viaFake = client(fakeDataApi)) {
      Backups backups = heroku.data().postgres().backups();
      System.out.printf(Locale.ROOT, "JVM %s, max heap %d MiB, %s, backup %d MiB, %d rounds,"
          + " %d CPUs%n", Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
          curlVersion(), mib, rounds, Runtime.getRuntime().availableProcessors());

      Path sdkFile = dir.resolve("sdk.dump");
      Path curlFile = dir.resolve("curl.dump");
      // warm-up: the JIT, the page cache; then the two files must be the fake's bytes
      for (int i = 0; i < 2; i++) {
        sdk(backups, "b001", sdkFile, size);
        curl(backups, "b001", curlFile, size);
      }
      long mismatch = Files.mismatch(sdkFile, curlFile);
      if (mismatch != -1 || Files.size(sdkFile) != size) {
        throw new IllegalStateException("the SDK's and curl's files differ at byte " + mismatch);
      }
      try (var in = Files.newInputStream(sdkFile)) {
        if (!java.util.Arrays.equals(in.readNBytes(4096),
            FakeDataApi.expectedBackupBytes(0, 4096))) {
          throw new IllegalStateException("the download is not the fake's dump");
        }
      }

      for (Path[] target : List.of(new Path[] {DEV_NULL, DEV_NULL},
          new Path[] {sdkFile, curlFile})) {
        List<Double> sdk = new ArrayList<>();
        List<Double> curl = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          sdk.add(mbPerSecond(size, sdk(backups, "b001", target[0], size)));
          curl.add(mbPerSecond(size, curl(backups, "b001", target[1], size)));
        }
        double sdkMedian = Stats.median(sdk);
        double curlMedian = Stats.median(curl);
        System.out.printf(Locale.ROOT, "to %-10s SDK %s MB/s, curl %s MB/s | median SDK %.0f,"
            + " curl %.0f MB/s: SDK/curl = %.2fx (goal >= 0.9x)%n",
            target[0] == DEV_NULL ? "/dev/null" : "a file", fmt(sdk), fmt(curl), sdkMedian,
            curlMedian, sdkMedian / curlMedian);
      }

      Backups fakeBackups = viaFake.data().postgres().backups();
      sdk(fakeBackups, "b001", DEV_NULL, size);
      double fakeSdk = mbPerSecond(size, sdk(fakeBackups, "b001", DEV_NULL, size));
      double fakeCurl = mbPerSecond(size, curl(fakeBackups, "b001", DEV_NULL, size));
      System.out.printf(Locale.ROOT, "for reference, FakeDataApi's own URL (bytes generated while"
          + " sent) to /dev/null: SDK %.0f MB/s, curl %.0f MB/s%n", fakeSdk, fakeCurl);

      long quarter = peakHeap(backups, "b002", size / 4);
      long whole = peakHeap(backups, "b001", size);
      System.out.printf(Locale.ROOT, "SDK peak used heap (all heap pools, -Xmx%dm): %d MiB"
          + " backup -> %.1f MiB, %d MiB backup -> %.1f MiB%n",
          Runtime.getRuntime().maxMemory() >> 20, mib / 4, quarter / 1048576.0, mib,
          whole / 1048576.0);
    } finally {
      server.getOutputStream().close();
      server.waitFor();
      try (var files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) Files.delete(file);
      }
      Files.delete(dir);
    }
  }

  /**
   * The serving side, in its own JVM: writes {@code size} bytes of FakeDataApi's dump to a file
   * in {@code dir}, prints the {@link DumpServer}'s URL and that of a {@link FakeDataApi} holding
   * a finished backup of the same size, and serves until stdin closes.
   */
  private static void serve(long size, Path dir) throws IOException {
    Path dump = dir.resolve("served.dump");
    try (OutputStream out = Files.newOutputStream(dump)) {
      for (long at = 0; at < size; at += 1 << 20) {
        out.write(FakeDataApi.expectedBackupBytes(at, (int) Math.min(1 << 20, size - at)));
      }
    }
    try (DumpServer server = new DumpServer(dump, TOKEN);
        FakeDataApi data = FakeDataApi.start(TOKEN, Clock.systemUTC());
        Heroku heroku = client(data.baseUrl())) {
      data.addPostgres(APP, "postgresql-bench-1", "standard-0").transferDuration(Duration.ZERO)
          .backupSize(size);
      heroku.data().postgres().backups().capture(APP, "postgresql-bench-1");
      System.out.println(server.baseUrl());
      System.out.println(data.baseUrl());
      System.out.flush();
      while (System.in.read() != -1) {
        // until the benchmark closes our stdin
      }
    }
  }

  private static Heroku client(String dataUrl) {
    return Heroku.builder().token(TOKEN).baseUrl("http://127.0.0.1:9/").dataUrl(dataUrl).build();
  }

  /** Nanoseconds for {@code Backups#download} to {@code target}: public-url call and stream. */
  private static long sdk(Backups backups, String backup, Path target, long size) {
    long[] progress = {0};
    long start = System.nanoTime();
    long bytes = backups.download(APP, backup, target, p -> progress[0] = p.bytes());
    long took = System.nanoTime() - start;
    if (bytes != size || progress[0] != size) {
      throw new IllegalStateException("the SDK downloaded " + bytes + " bytes of " + size);
    }
    return took;
  }

  /**
   * Nanoseconds curl reports for {@code curl -sS -o target URL} ({@code time_total}), the URL
   * asked for just before (not timed) from the same server.
   */
  private static long curl(Backups backups, String backup, Path target, long size)
      throws IOException, InterruptedException {
    URI url = backups.publicUrl(APP, backup);
    Process p = new ProcessBuilder("curl", "-sS", "-o", target.toString(),
        "-w", "%{http_code} %{size_download} %{time_total}", url.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String[] fields = out.split(" ");
    if (p.waitFor() != 0 || fields.length != 3 || !fields[0].equals("200")
        || Long.parseLong(fields[1]) != size) {
      throw new IOException("curl: " + out);
    }
    return (long) (Double.parseDouble(fields[2]) * 1e9);
  }

  /**
   * The sum of the heap pools' peak usage during a download of {@code backup} to /dev/null
   * (peaks reset after a GC just before).
   */
  private static long peakHeap(Backups backups, String backup, long size) throws Exception {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    System.gc();
    Thread.sleep(200);
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    sdk(backups, backup, DEV_NULL, size);
    return heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  private static String curlVersion() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
    String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    String first = version.lines().findFirst().orElse("curl ?");
    return first.substring(0, first.indexOf(' ', first.indexOf(' ') + 1));
  }

  private static double mbPerSecond(long bytes, long nanos) {
    return bytes / 1048576.0 / (nanos / 1e9);
  }

  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
  }
}
