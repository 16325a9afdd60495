package dev.fulmar.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.profiles.secrets.InMemorySecretStore;
import dev.fulmar.profiles.secrets.SecretKind;
import dev.fulmar.profiles.secrets.SecretStore;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeychainTest {

  @Test
  void storesLoadsAndForgetsThroughTheProfilesSecretStore() throws Exception {
    InMemorySecretStore mem = new InMemorySecretStore();
    Keychain k = new Keychain(() -> mem, Runnable::run);
    UUID id = UUID.randomUUID();
    char[] pw = "pw".toCharArray();
    k.put(id, SecretKind.EAP_PASSWORD, pw).get(5, TimeUnit.SECONDS);
    assertThat(pw).containsOnly('\0');
    Map<SecretKind, char[]> got = k.load(id, EnumSet.allOf(SecretKind.class))
        .get(5, TimeUnit.SECONDS);
    assertThat(got).containsOnlyKeys(SecretKind.EAP_PASSWORD);
    assertThat(new String(got.get(SecretKind.EAP_PASSWORD))).isEqualTo("pw");
    k.deleteAll(id).get(5, TimeUnit.SECONDS);
    assertThat(mem.size()).isZero();
    assertThat(k.rememberWhere()).startsWith("in memory");
  }

  @Test
  void aKeychainThatFailsToOpenMeansAskingEachTime() throws Exception {
    Keychain k = new Keychain(() -> {
      throw new IllegalStateException("no D-Bus session");
    }, Runnable::run);
    SecretStore s = k.store().get(5, TimeUnit.SECONDS);
    assertThat(s.availability().available()).isFalse();
    assertThat(k.rememberWhere()).isEmpty();
    assertThat(k.unavailableReason()).contains("no D-Bus session");
  }

  @Test
  void aKeychainThatHangsDoesNotHoldTheAppUp() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Keychain k = new Keychain(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new InMemorySecretStore();
    }, Runnable::run, java.time.Duration.ofMillis(50));
    SecretStore s = k.store().get(5, TimeUnit.SECONDS);
    assertThat(s.availability().description()).contains("did not answer");
    never.countDown();
  }
}
