package io.herokusdk.api.workflow;

import io.herokusdk.api.internal.WorkflowContext;
import io.herokusdk.api.model.App;
import io.herokusdk.api.model.AppUpdateRequest;
import io.herokusdk.api.model.Formation;
import io.herokusdk.api.model.FormationBatchUpdateRequest;
import io.herokusdk.api.model.FormationDynoSize;
import io.herokusdk.api.model.FormationUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Dynos: scale process types in one request, maintenance mode on or off, restarts.
 *
 * <pre>{@code
 * Dynos dynos = heroku.workflows().dynos();
 * dynos.scale("my-app", Map.of("web", Dynos.Scale.of(2, "standard-2X"), "worker", Dynos.Scale.quantity(0)));
 * dynos.maintenance("my-app", true);
 * dynos.restart("my-app", "web");       // a type; "web.1" restarts one dyno
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Dynos {
  private final WorkflowContext context;

  Dynos(WorkflowContext context) {
    this.context = context;
  }

  /**
   * A process type's new quantity and/or size; null leaves it as it is.
   *
   * @param quantity the number of dynos, 0 or more, or null
   * @param size the dyno size, like {@code standard-2X}, or null
   */
  public record Scale(@Nullable Long quantity, @Nullable String size) {
    /**
     * Checks that something changes and the quantity is not negative.
     *
     * @param quantity the number of dynos, 0 or more, or null to keep it
     * @param size the dyno size, like {@code standard-2X}, or null to keep it
     * @throws IllegalArgumentException if both are null or {@code quantity} is negative
     */
    public Scale {
      if (quantity == null && size == null) {
        throw new IllegalArgumentException("a scale needs a quantity, a size or both");
      }
      if (quantity != null && quantity < 0) {
        throw new IllegalArgumentException("quantity < 0: " + quantity);
      }
    }

    /**
     * This many dynos of the current size.
     *
     * @param quantity the number of dynos, 0 or more; 0 stops the process type
     * @return the scale
     * @throws IllegalArgumentException if {@code quantity} is negative
     */
    public static Scale quantity(long quantity) {
      return new Scale(quantity, null);
    }

    /**
     * This many dynos of this size.
     *
     * @param quantity the number of dynos, 0 or more
     * @param size the dyno size, like {@code standard-2X}
     * @return the scale
     * @throws IllegalArgumentException if {@code quantity} is negative
     */
    public static Scale of(long quantity, String size) {
      return new Scale(quantity, Objects.requireNonNull(size, "size == null"));
    }

    /**
     * The current number of dynos, resized.
     *
     * @param size the dyno size, like {@code standard-2X}
     * @return the scale
     */
    public static Scale size(String size) {
      return new Scale(null, Objects.requireNonNull(size, "size == null"));
    }
  }

  /**
   * Scales several process types in one formation batch update ({@code PATCH
   * /apps/{app}/formation}): all change or none does.
   *
   * @param app the app's name or id
   * @param types each process type to change ({@code web}, {@code worker}) with its new scale;
   *     not empty
   * @return the updated formation entries
   * @throws IllegalArgumentException if {@code types} is empty
   */
  public List<Formation> scale(String app, Map<String, Scale> types) {
    Objects.requireNonNull(app, "app == null");
    if (types.isEmpty()) throw new IllegalArgumentException("no process type to scale");
    List<FormationUpdate> updates = new ArrayList<>();
    types.forEach((type, scale) -> updates.add(FormationUpdate.builder().type(type)
        .quantity(scale.quantity())
        .dynoSize(scale.size() == null ? null
            : FormationDynoSize.builder().name(scale.size()).build())
        .build()));
    return context.heroku().formation().batchUpdate(app, new FormationBatchUpdateRequest(updates));
  }

  /**
   * Turns maintenance mode on or off; returns the app.
   *
   * @param app the app's name or id
   * @param on true to serve the maintenance page instead of the app, false to serve the app
   * @return the app as updated, with its {@code maintenance} flag
   */
  public App maintenance(String app, boolean on) {
    Objects.requireNonNull(app, "app == null");
    return context.heroku().apps().update(app,
        AppUpdateRequest.builder().maintenance(on).build());
  }

  /**
   * Restarts every dyno of the app.
   *
   * @param app the app's name or id
   */
  public void restart(String app) {
    Objects.requireNonNull(app, "app == null");
    context.heroku().dynos().restartAll(app);
  }

  /**
   * Restarts one dyno ({@code web.1}, or on Fir {@code web-58b9f7c6b5-x7k2p}) or every dyno of
   * a process type ({@code web}).
   *
   * @param app the app's name or id
   * @param dynoOrType a dyno's name, like {@code web.1} or Fir's {@code web-58b9f7c6b5-x7k2p},
   *     or a process type, like {@code web}
   */
  public void restart(String app, String dynoOrType) {
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(dynoOrType, "dynoOrType == null");
    if (LogOptions.isDynoName(dynoOrType)) {
      context.heroku().dynos().restart(app, dynoOrType);
    } else {
      context.heroku().dynos().restartFormation(app, dynoOrType);
    }
  }
}
