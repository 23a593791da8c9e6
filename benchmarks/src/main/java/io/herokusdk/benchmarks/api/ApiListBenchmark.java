package io.herokusdk.benchmarks.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.sun.net.httpserver.HttpServer;
import io.herokusdk.api.Heroku;
import io.herokusdk.api.RetryPolicy;
import io.herokusdk.api.internal.JavaTimeAdapters;
import io.herokusdk.api.internal.service.GeneratedAdapters;
import io.herokusdk.api.model.App;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lists 10,000 apps from a local server that serves pages of at most the requested size (Heroku's
 * {@code Range}/{@code Next-Range} protocol), with heroku-api and with raw OkHttp + Moshi, and
 * measures per-call overhead of {@code apps().info()} against the same raw call.
 *
 * <p>Run from the repository root: {@code benchmarks/api-benchmark.sh [rounds] [info calls per
 * round]} (defaults 5 and 2000); figures in the Benchmark section of heroku-api/README.md.
 */
public final class ApiListBenchmark {
  static final int APPS = 10_000;
  static final Pattern MAX = Pattern.compile("max=(\\d+)");

  private ApiListBenchmark() {}

  public static void main(String[] args) throws Exception {
    // The JDK server otherwise delays small responses ~40 ms (Nagle + delayed ACK).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    String[] appJson = new String[APPS];
    for (int i = 0; i < APPS; i++) {
      appJson[i] = String.format("{\"id\":\"%08d-0000-0000-0000-000000000000\",\"name\":\"app-%05d\","
          + "\"created_at\":\"2024-01-02T03:04:05Z\",\"updated_at\":\"2024-01-02T03:04:05Z\","
          + "\"maintenance\":false,\"generation\":{\"id\":\"g\",\"name\":\"cedar\"},"
          + "\"owner\":{\"email\":\"u@example.com\",\"id\":\"o\"},\"region\":{\"id\":\"r\",\"name\":\"us\"},"
          + "\"stack\":{\"id\":\"s\",\"name\":\"heroku-24\"},\"team\":null,\"web_url\":\"https://x\"}", i, i);
    }
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/apps", exchange -> {
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      int status = 200;
      if (path.equals("/apps")) {
        String range = exchange.getRequestHeaders().getFirst("Range");
        int start = 0;
        int max = 200;
        if (range != null) {
          Matcher m = MAX.matcher(range);
          if (m.find()) {
            max = Math.min(1000, Integer.parseInt(m.group(1)));
          }
          if (range.startsWith("]")) {
            start = Integer.parseInt(range.substring(1, range.indexOf(".."))) + 1;
          }
        }
        int end = Math.min(APPS, start + max);
        StringBuilder b = new StringBuilder("[");
        for (int i = start; i < end; i++) {
          b.append(i > start ? "," : "").append(appJson[i]);
        }
        body = b.append(']').toString().getBytes(StandardCharsets.UTF_8);
        if (end < APPS) {
          status = 206;
          exchange.getResponseHeaders().add("Next-Range", "]" + (end - 1) + "..; max=" + max);
        }
      } else {
        body = appJson[0].getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("RateLimit-Remaining", "4500");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    OkHttpClient raw = new OkHttpClient();
    Moshi moshi = GeneratedAdapters.addTo(new Moshi.Builder())
        .add(Instant.class, JavaTimeAdapters.INSTANT).add(LocalDate.class, JavaTimeAdapters.LOCAL_DATE)
        .build();
    JsonAdapter<List<App>> listAdapter = moshi.adapter(Types.newParameterizedType(List.class, App.class));
    JsonAdapter<App> appAdapter = moshi.adapter(App.class);

    try (Heroku heroku = Heroku.builder().token("benchmark-token").baseUrl(base)
        .retryPolicy(RetryPolicy.none()).okHttpClient(raw).build()) {
      System.out.printf("listing %,d apps, %d rounds (first round is warm-up)%n", APPS, rounds);
      long sdkBest = Long.MAX_VALUE;
      long rawBest = Long.MAX_VALUE;
      int sdkRequests = 0;
      int rawRequests = 0;
      for (int r = 0; r < rounds; r++) {
        requests.set(0);
        long t0 = System.nanoTime();
        long n = heroku.apps().list().stream().count();
        long sdk = System.nanoTime() - t0;
        sdkRequests = requests.getAndSet(0);
        check(n);
        t0 = System.nanoTime();
        n = rawList(raw, base, listAdapter);
        long rawTime = System.nanoTime() - t0;
        rawRequests = requests.getAndSet(0);
        check(n);
        if (r > 0 || rounds == 1) {
          sdkBest = Math.min(sdkBest, sdk);
          rawBest = Math.min(rawBest, rawTime);
        }
      }
      System.out.printf("list   heroku-api: %d requests, best %.1f ms%n", sdkRequests, sdkBest / 1e6);
      System.out.printf("list   raw OkHttp+Moshi: %d requests, best %.1f ms%n", rawRequests, rawBest / 1e6);
      System.out.printf("list   ratio heroku-api/raw: %.2f%n", (double) sdkBest / rawBest);

      long sdkCall = Long.MAX_VALUE;
      long rawCall = Long.MAX_VALUE;
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          heroku.apps().info("app-00000");
        }
        long sdk = (System.nanoTime() - t0) / calls;
        t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          try (Response resp = raw.newCall(new Request.Builder().url(base + "apps/app-00000")
              .header("Accept", "application/vnd.heroku+json; version=3")
              .header("Authorization", "Bearer benchmark-token").build()).execute()) {
            appAdapter.fromJson(resp.body().source());
          }
        }
        long rawT = (System.nanoTime() - t0) / calls;
        if (r > 0 || rounds == 1) {
          sdkCall = Math.min(sdkCall, sdk);
          rawCall = Math.min(rawCall, rawT);
        }
      }
      System.out.printf("info   heroku-api: %.1f us/call; raw OkHttp+Moshi: %.1f us/call; ratio %.2f "
          + "(%d calls per round)%n", sdkCall / 1e3, rawCall / 1e3, (double) sdkCall / rawCall, calls);
    } finally {
      server.stop(0);
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    }
  }

  static void check(long n) {
    if (n != APPS) {
      throw new IllegalStateException("listed " + n + " apps, expected " + APPS);
    }
  }

  static long rawList(OkHttpClient client, String base, JsonAdapter<List<App>> adapter)
      throws IOException {
    long count = 0;
    String range = "id ..; max=1000";
    while (range != null) {
      try (Response resp = client.newCall(new Request.Builder().url(base + "apps")
          .header("Accept", "application/vnd.heroku+json; version=3")
          .header("Authorization", "Bearer benchmark-token").header("Range", range).build())
          .execute()) {
        List<App> page = adapter.fromJson(resp.body().source());
        count += page == null ? 0 : page.size();
        range = resp.code() == 206 ? resp.header("Next-Range") : null;
      }
    }
    return count;
  }
}
