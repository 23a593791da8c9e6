package io.herokusdk.spring.internal;

import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a {@code HEROKU_POSTGRESQL_<COLOR>_URL} is set; heroku-postgres then decides
 * which of them are followers (those that are not the primary).
 */
public final class OnFollowerCondition extends SpringBootCondition {
  private static final Pattern ATTACHMENT = Pattern.compile("HEROKU_POSTGRESQL_[A-Z0-9_]+_URL");

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context,
      AnnotatedTypeMetadata metadata) {
    if (context.getEnvironment() instanceof ConfigurableEnvironment env) {
      for (PropertySource<?> source : env.getPropertySources()) {
        if (!(source instanceof EnumerablePropertySource<?> enumerable)) continue;
        for (String name : enumerable.getPropertyNames()) {
          String value = env.getProperty(name);
          if (ATTACHMENT.matcher(name).matches() && !name.endsWith("_CONNECTION_POOL_URL")
              && value != null && !value.equals(env.getProperty("DATABASE_URL"))) {
            return ConditionOutcome.match(name + " is set");
          }
        }
      }
    }
    return ConditionOutcome.noMatch("no HEROKU_POSTGRESQL_<COLOR>_URL besides the primary");
  }
}
