package io.herokusdk.benchmarks.redis;

import io.herokusdk.benchmarks.Stats;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.redis.HerokuRedis;
import io.herokusdk.testing.RedisServer;
import io.herokusdk.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * GET and SET throughput with 50 concurrent callers: the SDK's shared connection vs raw Lettuce
 * with default settings vs {@code redis-benchmark -c 50 -t get,set}, against one embedded Redis,
 * plain and TLS, in one run. Prints operations per second and ratios.
 *
 * <p>SDK and raw Lettuce are measured in 3 alternating rounds; the median is reported.
 *
 * <p>Arguments (optional): seconds to measure per case (default 5), warm-up seconds (default 2),
 * path of redis-benchmark (default /usr/bin/redis-benchmark).
 */
public final class RedisThroughputBenchmark {
  private static final int CALLERS = 50;
  private static final String KEY = "bench:key";
  private static final String VALUE = "xxx"; // redis-benchmark's default 3-byte payload
  private static final int ROUNDS = 3;

  private RedisThroughputBenchmark() {}

  /** Runs the comparison and prints a table. */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String tool = args.length > 2 ? args[2] : "/usr/bin/redis-benchmark";

    Map<String, Double> results = new LinkedHashMap<>();
    try (RedisServer server = TestServices.dedicatedRedis()) {
      System.out.printf("Redis %s, %d callers, %d s per case after %d s warm-up, %d cores%n",
          server.version(), CALLERS, seconds, warmup, Runtime.getRuntime().availableProcessors());
      for (boolean tls : new boolean[] {false, true}) {
        String mode = tls ? "tls" : "plain";
        String url = tls ? server.tlsUrl(0) : server.url(0);
        RedisURI uri = RedisURI.create(url);
        // The only change from Lettuce's defaults: Heroku-style self-signed certificates.
        if (tls) uri.setVerifyPeer(SslVerifyMode.NONE);
        RedisClient client = RedisClient.create(uri);
        try (HerokuRedis sdk = HerokuRedis.fromConfig(ConfigVars.of(Map.of("REDIS_URL", url)));
            StatefulRedisConnection<String, String> raw = client.connect()) {
          sdk.sync().set(KEY, VALUE);
          for (String op : List.of("SET", "GET")) {
            List<Double> sdkRuns = new ArrayList<>();
            List<Double> rawRuns = new ArrayList<>();
            // Alternate which goes first, so JIT warm-up and machine noise hit both alike.
            for (int round = 0; round < ROUNDS; round++) {
              if (round % 2 == 0) {
                sdkRuns.add(measure(sdk.sync(), op, seconds, warmup));
                rawRuns.add(measure(raw.sync(), op, seconds, warmup));
              } else {
                rawRuns.add(measure(raw.sync(), op, seconds, warmup));
                sdkRuns.add(measure(sdk.sync(), op, seconds, warmup));
              }
            }
            System.out.printf(Locale.ROOT, "%s %s sdk %s lettuce %s%n", mode, op, sdkRuns,
                rawRuns);
            results.put(mode + " " + op + " sdk", Stats.median(sdkRuns));
            results.put(mode + " " + op + " lettuce", Stats.median(rawRuns));
          }
        } finally {
          client.shutdown();
        }
        Map<String, Double> tool50 = redisBenchmark(tool, server, tls, seconds);
        for (String op : List.of("SET", "GET")) {
          results.put(mode + " " + op + " redis-benchmark", tool50.getOrDefault(op, Double.NaN));
        }
      }
    }

    System.out.println();
    System.out.printf("%-6s %-4s %14s %14s %16s %12s %18s%n", "mode", "op", "sdk ops/s",
        "lettuce ops/s", "redis-bench ops/s", "sdk/lettuce", "sdk/redis-bench");
    for (String mode : List.of("plain", "tls")) {
      for (String op : List.of("SET", "GET")) {
        double sdk = results.get(mode + " " + op + " sdk");
        double lettuce = results.get(mode + " " + op + " lettuce");
        double tool50 = results.get(mode + " " + op + " redis-benchmark");
        System.out.printf(Locale.ROOT, "%-6s %-4s %14.0f %14.0f %16.0f %11.2fx %17.2fx%n",
            mode, op, sdk, lettuce, tool50, sdk / lettuce, sdk / tool50);
      }
    }
  }

  /** Ops per second of {@code CALLERS} threads calling {@code op} on {@code commands}. */
  private static double measure(RedisCommands<String, String> commands, String op, int seconds,
      int warmup) throws InterruptedException {
    LongAdder done = new LongAdder();
    AtomicBoolean counting = new AtomicBoolean(false);
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch finished = new CountDownLatch(CALLERS);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      Thread thread = new Thread(() -> {
        try {
          while (running.get()) {
            if (op.equals("SET")) {
              commands.set(KEY, VALUE);
            } else {
              commands.get(KEY);
            }
            if (counting.get()) done.increment();
          }
        } finally {
          finished.countDown();
        }
      }, "bench-caller-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    Thread.sleep(warmup * 1000L);
    counting.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long count = done.sum();
    long elapsed = System.nanoTime() - start;
    running.set(false);
    finished.await();
    return count / (elapsed / 1e9);
  }
  /** Runs redis-benchmark and returns requests per second by test name (SET, GET). */
  private static Map<String, Double> redisBenchmark(String tool, RedisServer server, boolean tls,
      int seconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tool, "-h", server.host(), "-p",
        Integer.toString(tls ? server.tlsPort() : server.port()), "-c", Integer.toString(CALLERS),
        "-n", Integer.toString(tls ? 200_000 : 400_000) , "-t", "get,set", "--csv"));
    if (tls) command.addAll(List.of("--tls", "--insecure"));
    System.out.println("running: " + String.join(" ", command) + " -a ****");
    command.addAll(List.of("-a", server.password().reveal()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("REDISCLI_AUTH", server.password().reveal());
    Process process = builder.start();
    Map<String, Double> rps = new LinkedHashMap<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        String[] cells = line.replace("\"", "").split(",");
        if (cells.length >= 2 && (cells[0].equals("SET") || cells[0].equals("GET"))) {
          rps.put(cells[0], Double.parseDouble(cells[1]));
        }
      }
    }
    if (process.waitFor() != 0) System.out.println("redis-benchmark exited " + process.exitValue());
    return rps;
  }
}
