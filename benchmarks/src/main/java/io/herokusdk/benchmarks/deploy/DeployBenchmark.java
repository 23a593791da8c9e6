package io.herokusdk.benchmarks.deploy;

import io.herokusdk.benchmarks.Stats;
import io.herokusdk.api.Heroku;
import io.herokusdk.api.workflow.DeployRequest;
import io.herokusdk.api.workflow.DeployResult;
import io.herokusdk.api.workflow.DeploySource;
import io.herokusdk.api.workflow.Deploys;
import io.herokusdk.core.Waiter;
import io.herokusdk.testing.herokuapi.BuildScript;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side by side against heroku-testing's fake Heroku, in one run: (1) a 200 MB tarball PUT to the
 * fake's upload URL by {@code deploys().deploy(...)} (the upload part of its result) vs {@code
 * curl -T} to a fresh upload URL of the same fake; (2) the heap the SDK's upload takes for 50 MB
 * and 200 MB (peak used heap during the upload above the level before it); (3) how long after
 * the fake writes a build line the {@code buildOutput} consumer sees it.
 *
 * <p>For (1) and (2) the fake runs in a JVM of its own, as a remote upload URL would: the
 * receiving side is then the same for the SDK and for curl, and the SDK's JVM holds only the
 * sender. (3) needs the fake in this JVM to stamp the lines it writes.
 *
 * <p>Run from the repository root: {@code benchmarks/deploy-benchmark.sh [rounds=5]
 * [MB=200]}; figures in the Workflows → Deploy section of heroku-api/README.md.
 */
public final class DeployBenchmark {
  private DeployBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--serve")) {
      serve();
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path dir = Files.createTempDirectory("deploy-benchmark");
    Path big = tarball(dir.resolve("big.tgz"), megabytes);
    Path small = tarball(dir.resolve("small.tgz"), megabytes / 4);
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
        System.getProperty("java.class.path"), DeployBenchmark.class.getName(), "--serve")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String baseUrl = new java.io.BufferedReader(new java.io.InputStreamReader(
        server.getInputStream(), StandardCharsets.UTF_8)).readLine();
    try (Heroku heroku = Heroku.builder().token(FakeHerokuApi.DEFAULT_TOKEN).baseUrl(baseUrl)
        .build()) {
      heroku.apps().create(io.herokusdk.api.model.AppCreateRequest.builder().name("bench-app")
          .build());
      Deploys deploys = heroku.workflows().withWaiter(Waiter.builder()
          .interval(Duration.ofMillis(5)).timeout(Duration.ofMinutes(2)).build()).deploys();
      System.out.printf("JVM %s, max heap %d MB, tarballs %d MB and %d MB%n",
          Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, Files.size(big) >> 20,
          Files.size(small) >> 20);

      // warm-up: both JVMs' JIT (the sender's and the fake's) before anything is measured
      okhttp3.OkHttpClient plain = new okhttp3.OkHttpClient();
      for (int i = 0; i < 3; i++) {
        upload(deploys, big);
        curl(heroku, big);
        raw(plain, heroku, big);
      }

      List<Double> sdk = new ArrayList<>();
      List<Double> curl = new ArrayList<>();
      List<Double> raw = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        sdk.add(mbPerSecond(big, upload(deploys, big)));
        curl.add(mbPerSecond(big, curl(heroku, big)));
        raw.add(mbPerSecond(big, raw(plain, heroku, big)));
      }
      System.out.printf("raw OkHttp RequestBody.create(File): %s MB/s%n", fmt(raw));
      double sdkMedian = Stats.median(sdk);
      double curlMedian = Stats.median(curl);
      System.out.printf("upload %d MB: SDK %s MB/s, curl -T %s MB/s (median of %d): SDK/curl ="
          + " %.2fx%n", Files.size(big) >> 20, fmt(sdk), fmt(curl), rounds,
          sdkMedian / curlMedian);

      long heapSmall = heapDuring(() -> upload(deploys, small));
      long heapBig = heapDuring(() -> upload(deploys, big));
      System.out.printf("heap during the SDK upload (peak above before): %d MB file -> %.1f MB,"
          + " %d MB file -> %.1f MB%n", Files.size(small) >> 20, heapSmall / 1048576.0,
          Files.size(big) >> 20, heapBig / 1048576.0);

    } finally {
      server.getOutputStream().close();
      server.waitFor();
    }
    try (FakeHerokuApi api = FakeHerokuApi.start();
        Heroku heroku = Heroku.builder().token(api.token()).baseUrl(api.baseUrl()).build()) {
      api.addApp("bench-app");
      latency(api, heroku.workflows().withWaiter(Waiter.builder()
          .interval(Duration.ofMillis(5)).timeout(Duration.ofMinutes(2)).build()).deploys(), dir);
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * The fake for the upload measurements, in this JVM: prints its base URL, serves until stdin
   * closes. It keeps 1 MiB of each body and reads and counts the rest without holding it.
   */
  private static void serve() throws IOException {
    try (FakeHerokuApi api = FakeHerokuApi.builder().maxUploadBytesKept(1 << 20).start()) {
      System.out.println(api.baseUrl());
      System.out.flush();
      while (System.in.read() != -1) {
        // until the benchmark closes our stdin
      }
    }
  }

  /** The upload part of a deploy of {@code tgz}. */
  private static Duration upload(Deploys deploys, Path tgz) {
    DeployResult result = deploys.deploy(DeployRequest.builder("bench-app",
        DeploySource.tarball(tgz)).version("bench").build());
    return result.upload();
  }

  /** {@code curl -T} to a fresh upload URL of the same fake: its own transfer time. */
  private static Duration curl(Heroku heroku, Path tgz) throws IOException, InterruptedException {
    String putUrl = heroku.sources().create().sourceBlob().putUrl();
    Process p = new ProcessBuilder("curl", "-sS", "-o", "/dev/null", "-H", "Expect:",
        "-w", "%{http_code} %{time_total}", "-T", tgz.toString(), putUrl)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0 || !out.startsWith("200 ")) throw new IOException("curl: " + out);
    return Duration.ofNanos((long) (Double.parseDouble(out.substring(4)) * 1e9));
  }

  private static Duration raw(okhttp3.OkHttpClient client, Heroku heroku, Path tgz)
      throws IOException {
    String putUrl = heroku.sources().create().sourceBlob().putUrl();
    long start = System.nanoTime();
    try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder().url(putUrl)
        .put(okhttp3.RequestBody.create(tgz.toFile(), null)).build()).execute()) {
      if (r.code() != 200) throw new IOException("HTTP " + r.code());
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private interface Action {
    void run() throws Exception;
  }

  /** Peak heap used while {@code action} runs, above the level after a GC before it. */
  private static long heapDuring(Action action) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    Thread.sleep(200);
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler = new Thread(() -> {
      while (!done.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    try {
      action.run();
    } finally {
      done.set(true);
      sampler.join();
    }
    return Math.max(0, peak.get() - before);
  }

  /** Build lines stamped by the fake when written, read by the consumer: the delay between. */
  private static void latency(FakeHerokuApi api, Deploys deploys, Path dir) throws IOException {
    int lines = 200;
    List<String> script = new ArrayList<>();
    for (int i = 0; i < lines; i++) script.add("-----> step " + i);
    api.scriptBuild(BuildScript.succeeding().lines(script).lineInterval(Duration.ofMillis(5))
        .stampLines());
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("Procfile"), "web: ./run\n");
    List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    deploys.deploy(DeployRequest.builder("bench-app", DeploySource.directory(app))
        .version("latency").buildOutput(line -> {
          long seen = System.nanoTime();
          int at = line.lastIndexOf(" @");
          if (at >= 0) delays.add(seen - Long.parseLong(line.substring(at + 2)));
        }).build());
    List<Long> sorted = new ArrayList<>(delays);
    Collections.sort(sorted);
    System.out.printf("build line written by the fake -> seen by the consumer (%d lines):"
        + " median %.3f ms, p99 %.3f ms, max %.3f ms%n", sorted.size(),
        sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static Path tarball(Path file, int megabytes) throws IOException {
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(42);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < megabytes; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    return file;
  }

  private static double mbPerSecond(Path file, Duration took) throws IOException {
    return Files.size(file) / 1048576.0 / (took.toNanos() / 1e9);
  }
  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
  }
}
