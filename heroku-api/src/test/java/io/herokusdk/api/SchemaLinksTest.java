package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.Moshi;
import io.herokusdk.api.codegen.LinkInfo;
import io.herokusdk.api.codegen.Schema;
import io.herokusdk.api.internal.PathSegments;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Schema-driven: for each of the 305 links in Heroku's schema, calls the generated method and
 * checks the HTTP method, the path with percent-encoded identities, and that the JSON body (or
 * the query of a GET) validates against the link's schema. Skipped, with the reason printed,
 * when the schema file is absent; {@link AllGeneratedMethodsTest} still covers every method then.
 */
class SchemaLinksTest {
  @RegisterExtension
  final StubHerokuServer stub = new StubHerokuServer();

  static Schema schemaOrSkip() throws Exception {
    Path file = Paths.get(System.getProperty("heroku.schema",
        "../../shared/reference/heroku-platform-api-schema.json"));
    if (!Files.isRegularFile(file)) {
      String reason = "Skipped: Heroku schema not found at " + file.toAbsolutePath()
          + " (set -Dheroku.schema=...); AllGeneratedMethodsTest still calls every method";
      System.out.println(reason);
      assumeTrue(false, reason);
    }
    return Schema.load(file);
  }

  @Test
  void everyLinkSendsItsMethodPathAndAValidBody() throws Exception {
    Schema schema = schemaOrSkip();
    SchemaSubsetValidator validator = new SchemaSubsetValidator(schema);
    var json = new Moshi.Builder().build().adapter(Object.class);
    List<LinkInfo> links = LinkInfo.all(schema);
    assertThat(links).hasSize(305);
    List<String> failures = new ArrayList<>();
    for (LinkInfo link : links) {
      String where = link.resource() + " \"" + link.title() + "\" (" + link.accessor() + "()."
          + link.javaMethod() + ")";
      Object api = Heroku.class.getMethod(link.accessor()).invoke(stub.heroku());
      Method m = Arrays.stream(api.getClass().getMethods())
          .filter(x -> x.getName().equals(link.javaMethod())).findFirst().orElse(null);
      if (m == null) {
        failures.add(where + ": no such method");
        continue;
      }
      Object[] args = new Object[m.getParameterCount()];
      int pathParams = link.pathParams().size();
      for (int i = 0; i < args.length; i++) {
        args[i] = i < pathParams ? DummyValues.PATH_VALUE
            : DummyValues.of(m.getGenericParameterTypes()[i]);
      }
      stub.nextBody(link.paged() || isArray(schema, link.targetSchema()) ? "[]"
          : m.getReturnType() == void.class ? "" : "{}");
      Object result = m.invoke(api, args);
      if (result instanceof Paged<?> paged) {
        paged.firstPage();
      }
      RecordedRequest r = stub.takeRequest();
      String path = link.href();
      for (LinkInfo.PathParam p : link.pathParams()) {
        path = path.replace("{" + p.javaName() + "}", PathSegments.encode(DummyValues.PATH_VALUE));
      }
      if (r == null) {
        failures.add(where + ": no request");
        continue;
      }
      if (!r.getMethod().equals(link.method()) || !r.getUrl().encodedPath().equals(path)) {
        failures.add(where + ": expected " + link.method() + " " + path + ", got " + r.getMethod()
            + " " + r.getUrl().encodedPath());
      }
      if (link.paged() && !"id ..; max=1000".equals(r.getHeaders().get("Range"))) {
        failures.add(where + ": list without Range header");
      }
      if (link.requestSchema() != null) {
        Object sent;
        if (link.method().equals("GET")) {
          Map<String, Object> query = new LinkedHashMap<>();
          for (String name : r.getUrl().queryParameterNames()) {
            query.put(name, r.getUrl().queryParameter(name));
          }
          sent = query;
          List<String> unknown = new ArrayList<>(query.keySet());
          unknown.removeAll(Schema.asMap(schema.deref(link.requestSchema()).get("properties"))
              .keySet());
          if (!unknown.isEmpty() || query.isEmpty()) {
            failures.add(where + ": bad query " + query);
          }
        } else {
          sent = json.fromJson(r.getBody().string(StandardCharsets.UTF_8));
          for (String e : validator.validate(sent, link.requestSchema())) {
            failures.add(where + ": body " + e);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static boolean isArray(Schema schema, Object target) {
    if (target == null) {
      return false;
    }
    Map<String, Object> node = schema.deref(target);
    return Schema.types(node).contains("array") || node.containsKey("items");
  }
}
