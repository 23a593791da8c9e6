package smoke;

import io.herokusdk.api.Heroku;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;

/** heroku-api against heroku-testing's FakeHerokuApi (OkHttp, Retrofit, Moshi and okio together). */
public final class Smoke {
  public static void main(String[] args) {
    try (FakeHerokuApi api = FakeHerokuApi.start();
        Heroku heroku = Heroku.builder().token(api.token()).baseUrl(api.baseUrl()).build()) {
      api.addApp("smoke-app");
      String name = heroku.apps().info("smoke-app").name();
      if (!"smoke-app".equals(name)) throw new IllegalStateException("app info said " + name);
      System.out.println("api-only: GET /apps/smoke-app answered " + name);
    }
  }
}
