package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void revealsItsValueOnlyWhenAsked() {
    Secret secret = Secret.of("hunter2");
    assertThat(secret.reveal()).isEqualTo("hunter2");
    assertThat(secret.toString()).isEqualTo("****");
    assertThat(String.valueOf(secret)).isEqualTo("****");
    assertThat("password is " + secret).isEqualTo("password is ****");
  }

  @Test
  void equalityIsByValue() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).hasSameHashCodeAs(Secret.of("a"));
    assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    assertThat(Secret.of("a")).isNotEqualTo(Secret.of("ab"));
    assertThat(Secret.of("é")).isNotEqualTo(Secret.of("e"));
    assertThat(Secret.of("a")).isNotEqualTo("a");
  }

  @Test
  void mayBeEmptyButNotNull() {
    assertThat(Secret.of("").isEmpty()).isTrue();
    assertThat(Secret.of(" ").isEmpty()).isFalse();
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
  }
}
