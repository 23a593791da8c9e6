package io.herokusdk.spring.internal;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

/** Loaded only when Micrometer is on the classpath. */
final class LettuceLatency {
  private LettuceLatency() {}

  static @Nullable CommandLatencyRecorder recorder(BeanFactory beanFactory) {
    MeterRegistry registry = beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique();
    return registry == null ? null
        : new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create());
  }
}
