package io.herokusdk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.herokusdk.api.internal.PathSegments;
import io.herokusdk.api.resources.HerokuResources;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * Schema-independent: calls every public method of every generated resource client against
 * MockWebServer and checks the method and path against its Retrofit annotation. Runs in CI with
 * or without Heroku's schema file.
 */
class AllGeneratedMethodsTest {
  @RegisterExtension
  final StubHerokuServer stub = new StubHerokuServer();

  @Test
  void everyGeneratedMethodSendsItsMethodAndEncodedPath() throws Exception {
    List<Method> accessors = Arrays.stream(HerokuResources.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .sorted(Comparator.comparing(Method::getName)).toList();
    assertThat(accessors).as("the 98 resources that have links").hasSize(98);
    int calls = 0;
    List<String> failures = new ArrayList<>();
    for (Method accessor : accessors) {
      Object api = accessor.invoke(stub.heroku());
      Class<?> service = Class.forName("io.herokusdk.api.internal.service."
          + api.getClass().getSimpleName().replaceFirst("Api$", "Service"));
      for (Method m : api.getClass().getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        calls++;
        Method retrofit = Arrays.stream(service.getMethods())
            .filter(s -> s.getName().equals(m.getName())).findFirst().orElseThrow();
        String[] http = httpOf(retrofit);
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.getParameterTypes()[i] == String.class ? DummyValues.PATH_VALUE
              : DummyValues.of(m.getGenericParameterTypes()[i]);
        }
        stub.nextBody(responseFor(m, retrofit));
        Object result = m.invoke(api, args);
        if (result instanceof Paged<?> paged) {
          paged.firstPage();
        }
        RecordedRequest r = stub.takeRequest();
        String expectedPath = "/" + http[1].replaceAll("\\{[^}]+}",
            PathSegments.encode(DummyValues.PATH_VALUE).replace("$", "\\$"));
        String where = accessor.getName() + "()." + m.getName();
        if (r == null || !r.getMethod().equals(http[0])
            || !r.getUrl().encodedPath().equals(expectedPath)) {
          failures.add(where + ": expected " + http[0] + " " + expectedPath + ", got "
              + (r == null ? "nothing" : r.getMethod() + " " + r.getUrl().encodedPath()));
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(calls).as("one method per Platform API link").isEqualTo(305);
  }

  static String responseFor(Method client, Method retrofit) {
    Type t = ((ParameterizedType) retrofit.getGenericReturnType()).getActualTypeArguments()[0];
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return "[]";
    }
    return client.getReturnType() == void.class ? "" : "{}";
  }

  static String[] httpOf(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a instanceof GET g) {
        return new String[] {"GET", g.value()};
      } else if (a instanceof POST p) {
        return new String[] {"POST", p.value()};
      } else if (a instanceof PATCH p) {
        return new String[] {"PATCH", p.value()};
      } else if (a instanceof PUT p) {
        return new String[] {"PUT", p.value()};
      } else if (a instanceof DELETE d) {
        return new String[] {"DELETE", d.value()};
      } else if (a instanceof HTTP h) {
        return new String[] {h.method(), h.path()};
      }
    }
    throw new IllegalStateException("no HTTP annotation on " + m);
  }
}
