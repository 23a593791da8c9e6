package io.herokusdk.spring.test;

import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import io.herokusdk.testing.TestServices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: turns {@link HerokuTestServices} into config
 * vars for the test's context.
 */
public final class HerokuTestServicesContextCustomizerFactory implements ContextCustomizerFactory {
  /** Creates the factory; Spring's test framework does, from {@code META-INF/spring.factories}. */
  public HerokuTestServicesContextCustomizerFactory() {}

  /** The property source the URLs go into. */
  public static final String PROPERTY_SOURCE = "herokuTestServices";

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    HerokuTestServices services =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, HerokuTestServices.class);
    if (services == null) {
      services = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
          .get(HerokuTestServices.class).synthesize(a -> a.isPresent()).orElse(null);
    }
    return services == null ? null : new Customizer(services.postgres(), services.redis());
  }

  private record Customizer(boolean postgres, boolean redis) implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context,
        MergedContextConfiguration mergedConfig) {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("heroku.dev-services.enabled", "false");
      if (postgres) {
        TestDatabase database = TestServices.postgres().createDatabase();
        vars.put("DATABASE_URL", database.url());
        context.addApplicationListener(closing(database));
      }
      if (redis) {
        TestRedis testRedis = TestServices.redis().createTestRedis("spring-test");
        testRedis.configVars().names().forEach(name ->
            vars.put(name, testRedis.configVars().get(name).orElseThrow()));
        context.addApplicationListener(closing(testRedis));
      }
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource(PROPERTY_SOURCE, vars));
    }

    private static org.springframework.context.ApplicationListener<
        org.springframework.context.event.ContextClosedEvent> closing(AutoCloseable resource) {
      return event -> {
        try {
          resource.close();
        } catch (Exception e) {
          org.slf4j.LoggerFactory.getLogger(HerokuTestServicesContextCustomizerFactory.class)
              .debug("Closing {}: {}", resource, e.getClass().getName());
        }
      };
    }
  }
}
