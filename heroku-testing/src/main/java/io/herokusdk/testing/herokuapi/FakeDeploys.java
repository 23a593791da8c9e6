package io.herokusdk.testing.herokuapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Sources, builds and releases: {@code POST /sources} with an upload URL that takes the PUT,
 * builds that turn {@code succeeded} or {@code failed} after a scripted time on the fake's clock
 * with a chunked output stream, releases made by builds with an optional release phase, and
 * rollbacks. Statuses are worked out from the clock when polled. Output streams are {@code
 * text/plain} resumable with {@code Range} on Cedar apps, and Server-Sent Events ({@code
 * text/event-stream}, one event per line, ids 1, 2, ...) resumable with {@code Last-Event-Id} on
 * Fir apps.
 */
final class FakeDeploys implements FakeResource {
  private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d+)-");

  private final FakeHerokuApi api;
  private final Map<String, SourceState> sources = new LinkedHashMap<>();
  private final Map<String, BuildState> builds = new LinkedHashMap<>();
  private final Map<String, ReleaseState> releases = new LinkedHashMap<>();
  private final Deque<BuildScript> scripts = new ArrayDeque<>();
  private final Deque<Integer> uploadFailures = new ArrayDeque<>();
  private boolean requireNoUploadContentType;

  FakeDeploys(FakeHerokuApi api) {
    this.api = api;
  }

  @Override
  public void reset() {
    sources.clear();
    builds.clear();
    releases.clear();
    scripts.clear();
    uploadFailures.clear();
    requireNoUploadContentType = false;
  }

  // scripting (called under the fake's lock)

  void script(BuildScript script) {
    scripts.add(script);
  }

  void failUploads(int status, int times) {
    for (int i = 0; i < times; i++) uploadFailures.add(status);
  }

  void requireNoUploadContentType(boolean require) {
    this.requireNoUploadContentType = require;
  }

  @Nullable StoredUpload upload(String sourceIdOrUrl) {
    for (SourceState s : sources.values()) {
      if (s.id.equals(sourceIdOrUrl) || s.url().equals(sourceIdOrUrl)) {
        return s.puts == 0 ? null : new StoredUpload(s.id, s.size, s.bytes.clone(),
            s.contentType, s.puts);
      }
    }
    return null;
  }

  List<StoredBuild> builds(String app) {
    advance();
    return builds.values().stream().filter(b -> app == null || b.app.name.equals(app)
        || b.app.id.equals(app)).map(BuildState::snapshot).toList();
  }

  List<StoredRelease> releases(String app) {
    advance();
    return releases.values().stream().filter(r -> r.app.name.equals(app) || r.app.id.equals(app))
        .map(r -> new StoredRelease(r.id, r.app.name, r.version, r.status, isCurrent(r),
            r.description)).toList();
  }

  /**
   * A release made by a pipeline promotion on {@code app}: live at once, its release-phase output
   * {@code output} served at its {@code output_stream_url}.
   */
  StoredRelease promotionRelease(FakeHerokuApi.AppState app, List<String> output) {
    ReleaseState r = newRelease(app, "Promote from pipeline", null,
        BuildScript.succeeding().releasePhase(output.toArray(String[]::new)));
    r.status = "succeeded";
    return new StoredRelease(r.id, app.name, r.version, r.status, isCurrent(r), r.description);
  }

  /** Adds a succeeded release without a build, as if deployed before the test. */
  StoredRelease addRelease(String app, String description) {
    return addRelease(app, description, BuildScript.succeeding());
  }

  /** Adds a release without a build whose release phase follows {@code script}. */
  StoredRelease addRelease(String app, String description, BuildScript script) {
    FakeHerokuApi.AppState state = api.findApp(app);
    if (state == null) throw new IllegalArgumentException("no such app: " + app);
    ReleaseState r = newRelease(state, description, null, script);
    return new StoredRelease(r.id, state.name, r.version, r.status, isCurrent(r), r.description);
  }

  // API

  @Override
  public @Nullable FakeReply api(FakeRequest request) {
    if (request.matches("sources") && request.method().equals("POST")) {
      SourceState source = new SourceState();
      sources.put(source.id, source);
      Map<String, Object> blob = new LinkedHashMap<>();
      blob.put("get_url", source.url());
      blob.put("put_url", source.url());
      return FakeReply.ok(201, Map.of("source_blob", blob));
    }
    if (request.path().size() < 3 || !request.segment(0).equals("apps")) return null;
    String family = request.segment(2);
    if (!family.equals("builds") && !family.equals("releases")) return null;
    FakeHerokuApi.AppState app = api.findApp(request.segment(1));
    if (app == null) return FakeReply.notFound("app");
    advance();
    if (family.equals("builds")) {
      if (request.matches("apps", "*", "builds")) {
        return switch (request.method()) {
          case "POST" -> createBuild(app, FakeHerokuApi.parseObject(request.body()));
          case "GET" -> api.list(builds.values().stream().filter(b -> b.app == app)
              .map(this::buildJson).toList(), request.header("range"), "id",
              Set.of("id", "created_at"));
          default -> null;
        };
      }
      if (request.matches("apps", "*", "builds", "*") && request.method().equals("GET")) {
        BuildState build = builds.get(request.segment(3));
        if (build == null || build.app != app) return FakeReply.notFound("build");
        return FakeReply.ok(200, buildJson(build));
      }
      return null;
    }
    if (request.matches("apps", "*", "releases")) {
      return switch (request.method()) {
        case "POST" -> rollback(app, FakeHerokuApi.parseObject(request.body()));
        case "GET" -> api.list(releasesOf(app).stream().map(this::releaseJson).toList(),
            request.header("range"), "id", Set.of("id", "version"));
        default -> null;
      };
    }
    if (request.matches("apps", "*", "releases", "*") && request.method().equals("GET")) {
      ReleaseState release = findRelease(app, request.segment(3));
      if (release == null) return FakeReply.notFound("release");
      return FakeReply.ok(200, releaseJson(release));
    }
    return null;
  }

  private FakeReply createBuild(FakeHerokuApi.AppState app, Map<String, Object> body) {
    if (!(body.get("source_blob") instanceof Map<?, ?> rawBlob)) {
      throw new FakeInvalidParams("source_blob is required.");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> blob = (Map<String, Object>) rawBlob;
    String url = FakeHerokuApi.optionalString(blob, "url");
    if (url == null || url.isBlank()) throw new FakeInvalidParams("source_blob.url is required.");
    List<String> buildpacks = new ArrayList<>();
    Object rawPacks = body.get("buildpacks");
    if (rawPacks != null) {
      if (!(rawPacks instanceof List<?> packs)) throw new FakeInvalidParams("buildpacks must be an array.");
      for (Object pack : packs) {
        if (!(pack instanceof Map<?, ?> map)) throw new FakeInvalidParams("buildpacks must hold objects.");
        Object name = map.get("name") != null ? map.get("name") : map.get("url");
        if (!(name instanceof String s)) throw new FakeInvalidParams("a buildpack needs a name or url.");
        buildpacks.add(s);
      }
      if (!buildpacks.isEmpty() && app.generation.equals("fir")) {
        throw new FakeInvalidParams("Buildpacks cannot be set on a build of a Fir-generation app;"
            + " declare them in project.toml.");
      }
    }
    BuildScript script = scripts.isEmpty() ? BuildScript.succeeding() : scripts.poll();
    SourceState source = sources.values().stream().filter(s -> s.url().equals(url)).findFirst()
        .orElse(null);
    if (source != null && source.puts == 0) {
      script = BuildScript.failing("-----> Unable to fetch source from " + url,
          "       (nothing was uploaded to it)").pendingFor(script.pendingFor);
    }
    BuildState build = new BuildState(app, url, FakeHerokuApi.optionalString(blob, "version"),
        FakeHerokuApi.optionalString(blob, "checksum"), buildpacks, script, api.now());
    builds.put(build.id, build);
    return FakeReply.ok(201, buildJson(build));
  }

  private FakeReply rollback(FakeHerokuApi.AppState app, Map<String, Object> body) {
    String target = FakeHerokuApi.optionalString(body, "release");
    if (target == null) {
      throw new FakeInvalidParams("This fake creates releases from builds; POST {\"release\": id}"
          + " rolls back.");
    }
    ReleaseState old = findRelease(app, target);
    if (old == null) return FakeReply.notFound("release");
    if (!old.status.equals("succeeded")) {
      throw new FakeInvalidParams("Cannot roll back to v" + old.version + ": it is " + old.status
          + ".");
    }
    ReleaseState release = newRelease(app, "Rollback to v" + old.version, old.slugId,
        BuildScript.succeeding());
    return FakeReply.ok(201, releaseJson(release));
  }

  /** Moves builds and releases whose time has come out of {@code pending}. */
  private void advance() {
    Instant now = api.now();
    for (BuildState build : builds.values()) {
      if (!build.status.equals("pending") || now.isBefore(build.createdAt.plus(build.script.pendingFor))) {
        continue;
      }
      build.status = build.script.fails ? "failed" : "succeeded";
      build.updatedAt = now;
      if (!build.script.fails) {
        build.slugId = UUID.randomUUID().toString();
        String version = build.version == null ? build.id : build.version;
        build.release = newRelease(build.app, "Deploy " + version.substring(0,
            Math.min(8, version.length())), build.slugId, build.script);
      }
    }
    for (ReleaseState release : releases.values()) {
      if (release.status.equals("pending") && !now.isBefore(release.readyAt)) {
        release.status = release.script.releaseFails ? "failed" : "succeeded";
        release.updatedAt = now;
      }
    }
  }

  private ReleaseState newRelease(FakeHerokuApi.AppState app, String description,
      @Nullable String slugId, BuildScript script) {
    long version = releasesOf(app).stream().mapToLong(r -> r.version).max().orElse(0) + 1;
    ReleaseState release = new ReleaseState(app, version, description, slugId, script, api.now());
    releases.put(release.id, release);
    if (!script.releasePhase && script.releasePendingFor.isZero()) release.status = "succeeded";
    return release;
  }

  private List<ReleaseState> releasesOf(FakeHerokuApi.AppState app) {
    return releases.values().stream().filter(r -> r.app == app).toList();
  }

  private @Nullable ReleaseState findRelease(FakeHerokuApi.AppState app, String idOrVersion) {
    for (ReleaseState r : releasesOf(app)) {
      if (r.id.equals(idOrVersion) || String.valueOf(r.version).equals(idOrVersion)
          || ("v" + r.version).equals(idOrVersion)) {
        return r;
      }
    }
    return null;
  }

  /** The newest succeeded release is live; a failed release phase leaves the one before. */
  private boolean isCurrent(ReleaseState release) {
    return release.status.equals("succeeded") && releasesOf(release.app).stream()
        .noneMatch(r -> r.status.equals("succeeded") && r.version > release.version);
  }

  private Map<String, Object> buildJson(BuildState b) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("app", Map.of("id", b.app.id));
    json.put("buildpacks", b.buildpacks.isEmpty() ? null : b.buildpacks.stream()
        .map(p -> p.contains("://") ? Map.of("url", p, "name", p) : Map.of("url", p, "name", p))
        .toList());
    json.put("created_at", b.createdAt.toString());
    json.put("generation", b.app.generation);
    json.put("id", b.id);
    json.put("output_stream_url", api.rawUrl("builds/" + b.id + "/output"));
    Map<String, Object> blob = new LinkedHashMap<>();
    blob.put("checksum", b.checksum);
    blob.put("url", b.sourceUrl);
    blob.put("version", b.version);
    blob.put("version_description", null);
    json.put("source_blob", blob);
    json.put("release", b.release == null ? null : Map.of("id", b.release.id));
    json.put("slug", b.slugId == null || b.app.generation.equals("fir") ? null
        : Map.of("id", b.slugId));
    json.put("stack", b.app.stack);
    json.put("status", b.status);
    json.put("updated_at", b.updatedAt.toString());
    json.put("user", Map.of("id", FakeHerokuApi.uuidOf("owner"), "email", "owner@example.com"));
    return json;
  }

  private Map<String, Object> releaseJson(ReleaseState r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("addon_plan_names", List.of());
    json.put("artifacts", r.slugId == null ? List.of() : List.of(Map.of("type", "slug", "id",
        r.slugId)));
    json.put("app", r.app.ref());
    json.put("created_at", r.createdAt.toString());
    json.put("description", r.description);
    json.put("id", r.id);
    json.put("updated_at", r.updatedAt.toString());
    json.put("slug", r.slugId == null ? null : Map.of("id", r.slugId));
    json.put("status", r.status);
    json.put("user", Map.of("id", FakeHerokuApi.uuidOf("owner"), "email", "owner@example.com"));
    json.put("version", r.version);
    json.put("current", isCurrent(r));
    json.put("output_stream_url", r.script.releasePhase
        ? api.rawUrl("releases/" + r.id + "/output") : null);
    json.put("eligible_for_rollback", r.status.equals("succeeded"));
    return json;
  }

  // unauthenticated URLs

  @Override
  public @Nullable MockResponse raw(FakeRequest request) {
    if (request.matches("sources", "*")) {
      SourceState source = sources.get(request.segment(1));
      if (source == null) return text(404, "NoSuchKey");
      return switch (request.method()) {
        case "PUT" -> put(source, request);
        case "GET" -> new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/octet-stream")
            .body(new okio.Buffer().write(source.bytes)).build();
        default -> text(405, "MethodNotAllowed");
      };
    }
    if (request.matches("builds", "*", "output") && request.method().equals("GET")) {
      BuildState build = builds.get(request.segment(1));
      if (build == null) return text(404, "no such build");
      boolean drop = build.outputRequests++ == 0 && build.script.dropStreamAfterLines >= 0;
      build.outputResumes.add(resumeHeader(request));
      return stream(build.app, build.script.lines, build.script, request,
          drop ? build.script.dropStreamAfterLines : -1);
    }
    if (request.matches("releases", "*", "output") && request.method().equals("GET")) {
      ReleaseState release = releases.get(request.segment(1));
      if (release == null || !release.script.releasePhase) return text(404, "no such release");
      return stream(release.app, release.script.releaseLines, release.script, request, -1);
    }
    return null;
  }

  private MockResponse put(SourceState source, FakeRequest request) {
    Integer failure = uploadFailures.poll();
    if (failure != null) return text(failure, "InternalError: scripted upload failure");
    String contentType = request.header("content-type");
    if (requireNoUploadContentType && contentType != null) {
      return text(403, "SignatureDoesNotMatch: the request signature does not match"
          + " (a Content-Type was sent that the URL was not signed with)");
    }
    String length = request.header("content-length");
    source.size = length == null ? request.bodyBytes().length : Long.parseLong(length);
    source.bytes = request.bodyBytes();
    source.contentType = contentType;
    source.puts++;
    return new MockResponse.Builder().code(200).addHeader("ETag", "\"" + source.id + "\"")
        .build();
  }

  private static MockResponse text(int status, String message) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "text/plain")
        .body(message).build();
  }

  private static String resumeHeader(FakeRequest request) {
    String lastEventId = request.header("last-event-id");
    if (lastEventId != null) return "Last-Event-Id: " + lastEventId;
    String range = request.header("range");
    return range == null ? "" : "Range: " + range;
  }

  /**
   * The output stream of an app's build or release: Server-Sent Events on Fir apps, else {@code
   * text/plain}; dropping the connection after {@code dropAfter} lines when that is not -1.
   */
  private static MockResponse stream(FakeHerokuApi.AppState app, List<String> lines,
      BuildScript script, FakeRequest request, int dropAfter) {
    if (app.generation.equals("fir")) {
      return eventStream(lines, script, request.header("last-event-id"), dropAfter);
    }
    return stream(lines, script, request.header("range"), dropAfter);
  }

  /**
   * A chunked {@code text/event-stream} of {@code lines}, one event each with its number as id,
   * from the event after {@code Last-Event-Id}, dropping the connection halfway through event
   * {@code dropAfter} + 1 when that is not -1.
   */
  private static MockResponse eventStream(List<String> lines, BuildScript script,
      @Nullable String lastEventId, int dropAfter) {
    int first = 0;
    if (lastEventId != null) {
      try {
        first = Integer.parseInt(lastEventId.trim());
      } catch (NumberFormatException e) {
        return text(400, "unknown Last-Event-Id: " + lastEventId);
      }
      if (first < 0 || first > lines.size()) {
        return text(400, "unknown Last-Event-Id: " + lastEventId);
      }
    }
    int base = first;
    LineBody body = new LineBody(lines.subList(first, lines.size()),
        (i, line) -> ("id: " + (base + i + 1) + "\ndata: " + line + "\n\n")
            .getBytes(StandardCharsets.UTF_8),
        0, dropAfter, script.lineInterval, script.stampLines);
    MockResponse.Builder response = new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "text/event-stream; charset=utf-8")
        .addHeader("Cache-Control", "no-cache")
        .body(body)
        .removeHeader("Content-Length")
        .addHeader("Transfer-Encoding", "chunked");
    if (body.drops()) response.onResponseBody(new SocketEffect.CloseSocket());
    return response.build();
  }

  /**
   * A chunked {@code text/plain} stream of {@code lines} from the byte {@code Range} asked for
   * (206), dropping the connection after {@code dropAfter} lines when that is not -1.
   */
  private static MockResponse stream(List<String> lines, BuildScript script, @Nullable String range,
      int dropAfter) {
    long total = 0;
    for (String line : lines) total += line.getBytes(StandardCharsets.UTF_8).length + 1;
    long from = 0;
    if (range != null) {
      Matcher m = BYTE_RANGE.matcher(range.trim());
      if (!m.matches()) return text(416, "unsupported range: " + range);
      from = Long.parseLong(m.group(1));
      if (from >= total) {
        return new MockResponse.Builder().code(416).addHeader("Content-Range", "bytes */" + total)
            .build();
      }
    }
    LineBody body = new LineBody(lines, (i, line) -> (line + "\n")
        .getBytes(StandardCharsets.UTF_8), from, dropAfter, script.lineInterval,
        script.stampLines);
    MockResponse.Builder response = new MockResponse.Builder()
        .code(range == null ? 200 : 206)
        .addHeader("Content-Type", "text/plain; charset=utf-8")
        .body(body)
        .removeHeader("Content-Length")
        .addHeader("Transfer-Encoding", "chunked");
    if (body.drops()) response.onResponseBody(new SocketEffect.CloseSocket());
    if (range != null) {
      response.addHeader("Content-Range", "bytes " + from + "-" + (total - 1) + "/" + total);
    }
    return response.build();
  }

  /**
   * Writes lines as HTTP chunks while the connection is open (after the fake's lock is
   * released). A dropping body reports twice the bytes it writes before the drop as its length:
   * MockWebServer's {@code onResponseBody} effect closes the socket at half the length.
   */
  private static final class LineBody implements MockResponseBody {
    private final List<String> lines;
    private final BiFunction<Integer, String, byte[]> render;
    private final long from;
    private final int dropAfter;
    private final Duration interval;
    private final boolean stamp;
    private final long bytesBeforeDrop;

    /** @param render the bytes of line {@code i} (from 0) on the wire */
    LineBody(List<String> lines, BiFunction<Integer, String, byte[]> render, long from,
        int dropAfter, Duration interval, boolean stamp) {
      this.lines = lines;
      this.render = render;
      this.from = from;
      this.dropAfter = dropAfter;
      this.interval = interval;
      this.stamp = stamp;
      long framed = 0;
      if (dropAfter >= 0) {
        long offset = 0;
        for (int i = 0; i < lines.size() && i <= dropAfter; i++) {
          byte[] line = render.apply(i, lines.get(i));
          int skip = (int) Math.max(0, Math.min(line.length, from - offset));
          int to = i == dropAfter ? Math.max(skip, line.length / 2) : line.length;
          framed += framedSize(to - skip);
          offset += line.length;
        }
      }
      this.bytesBeforeDrop = Math.max(1, framed);
    }

    boolean drops() {
      return dropAfter >= 0;
    }

    @Override
    public long getContentLength() {
      return drops() ? 2 * bytesBeforeDrop : -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      long offset = 0;
      for (int i = 0; i < lines.size(); i++) {
        byte[] line = render.apply(i, lines.get(i));
        long end = offset + line.length;
        if (end > from) {
          int skip = (int) Math.max(0, from - offset);
          if (!interval.isZero()) pause();
          if (i == dropAfter) {
            chunk(sink, line, skip, Math.max(skip, line.length / 2));
            sink.flush();
            throw new IOException("scripted drop of the output stream");
          }
          if (stamp && skip == 0) line = render.apply(i, lines.get(i) + " @" + System.nanoTime());
          chunk(sink, line, skip, line.length);
          sink.flush();
        }
        offset = end;
      }
      if (drops()) throw new IOException("scripted drop of the output stream");
      sink.writeUtf8("0\r\n");
    }

    private static long framedSize(int n) {
      return n <= 0 ? 0 : Integer.toHexString(n).length() + 2 + n + 2;
    }

    private void pause() throws IOException {
      try {
        Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted");
      }
    }

    private static void chunk(BufferedSink sink, byte[] bytes, int from, int to)
        throws IOException {
      if (to <= from) return;
      sink.writeUtf8(Integer.toHexString(to - from)).writeUtf8("\r\n");
      sink.write(bytes, from, to - from);
      sink.writeUtf8("\r\n");
    }
  }

  private final class SourceState {
    final String id = UUID.randomUUID().toString();
    byte[] bytes = new byte[0];
    long size;
    @Nullable String contentType;
    int puts;

    String url() {
      return api.rawUrl("sources/" + id);
    }
  }

  private static final class BuildState {
    final String id = UUID.randomUUID().toString();
    final FakeHerokuApi.AppState app;
    final String sourceUrl;
    final @Nullable String version;
    final @Nullable String checksum;
    final List<String> buildpacks;
    final BuildScript script;
    final Instant createdAt;
    Instant updatedAt;
    String status = "pending";
    @Nullable String slugId;
    @Nullable ReleaseState release;
    int outputRequests;
    final List<String> outputResumes = new ArrayList<>();

    BuildState(FakeHerokuApi.AppState app, String sourceUrl, @Nullable String version,
        @Nullable String checksum, List<String> buildpacks, BuildScript script, Instant now) {
      this.app = app;
      this.sourceUrl = sourceUrl;
      this.version = version;
      this.checksum = checksum;
      this.buildpacks = List.copyOf(buildpacks);
      this.script = script;
      this.createdAt = now;
      this.updatedAt = now;
    }

    StoredBuild snapshot() {
      return new StoredBuild(id, app.name, status, sourceUrl, version, checksum, buildpacks,
          outputRequests, outputResumes);
    }
  }

  private static final class ReleaseState {
    final String id = UUID.randomUUID().toString();
    final FakeHerokuApi.AppState app;
    final long version;
    final String description;
    final @Nullable String slugId;
    final BuildScript script;
    final Instant createdAt;
    final Instant readyAt;
    Instant updatedAt;
    String status = "pending";

    ReleaseState(FakeHerokuApi.AppState app, long version, String description,
        @Nullable String slugId, BuildScript script, Instant now) {
      this.app = app;
      this.version = version;
      this.description = description;
      this.slugId = slugId;
      this.script = script;
      this.createdAt = now;
      this.updatedAt = now;
      this.readyAt = now.plus(script.releasePendingFor);
    }
  }
}
