package dev.fulmar.profiles.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretStoreTest {
  private static final UUID ID = UUID.fromString("3f1c6a9e-52d4-4c1b-9a7e-0b8f2d6e4a11");

  @Test
  void movesSecretsIntoTheStoreAndWipesTheBundle() throws Exception {
    InMemorySecretStore store = new InMemorySecretStore();
    SecretBundle bundle =
        SecretBundle.empty()
            .put(SecretKind.PSK, "psk-value".toCharArray())
            .put(SecretKind.EAP_PASSWORD, "pw-value".toCharArray());

    List<SecretMover.Outcome> out = SecretMover.moveAll(bundle, store, ID);

    assertThat(out).allSatisfy(o -> assertThat(o.stored()).isTrue());
    assertThat(new String(store.get(ID, SecretKind.PSK).orElseThrow())).isEqualTo("psk-value");
    assertThat(bundle.isEmpty()).isTrue();
    assertThat(out.toString()).doesNotContain("psk-value").doesNotContain("pw-value");
    store.deleteAll(ID);
    assertThat(store.size()).isZero();
  }

  @Test
  void withoutAKeychainSecretsAreDroppedAndTheUserIsToldTheyWillBeAsked() throws Exception {
    SecretStore none = new UnavailableSecretStore("no Secret Service on the session bus");
    SecretBundle bundle =
        SecretBundle.empty().put(SecretKind.PKCS12_PASSWORD, "p12-value".toCharArray());

    List<SecretMover.Outcome> out = SecretMover.moveAll(bundle, none, ID);

    assertThat(none.availability().available()).isFalse();
    assertThat(out)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.stored()).isFalse();
              assertThat(o.message())
                  .contains("no Secret Service", "asked for it each time")
                  .doesNotContain("p12-value");
              assertThat(o.message().split("each time", -1))
                  .as("the consequence is said once: %s", o.message())
                  .hasSize(2);
            });
    assertThat(none.get(ID, SecretKind.PKCS12_PASSWORD)).isEmpty();
  }

  @Test
  void aPreviewSaysWhereEachSecretWouldGoAndStoresNothing() throws Exception {
    SecretBundle bundle =
        SecretBundle.empty()
            .put(SecretKind.PSK, "psk-value".toCharArray())
            .put(SecretKind.EAP_PASSWORD, "pw-value".toCharArray());
    InMemorySecretStore keychain = new InMemorySecretStore();

    List<SecretMover.Outcome> some = SecretMover.preview(bundle, keychain);
    List<SecretMover.Outcome> none =
        SecretMover.preview(bundle, new UnavailableSecretStore("no Secret Service"));

    assertThat(some)
        .extracting(SecretMover.Outcome::kind)
        .containsExactly(SecretKind.EAP_PASSWORD, SecretKind.PSK);
    assertThat(some).allSatisfy(o -> assertThat(o.message()).contains("would be saved in"));
    assertThat(none)
        .allSatisfy(
            o ->
                assertThat(o.message())
                    .contains("would not be kept", "no Secret Service", "asked for it each time")
                    .doesNotContain("value"));
    assertThat(keychain.get(ID, SecretKind.PSK)).isEmpty();
    assertThat(new String(bundle.get(SecretKind.PSK))).isEqualTo("psk-value");
  }

  @Test
  void theSystemKeychainIsUsedWhenPresentOrExplainedWhenNot() {
    SecretStore system = KeyringSecretStore.openSystem();
    SecretStore.Availability a = system.availability();
    // headless Linux without a Secret Service (CI): unavailable, with a reason; elsewhere: usable
    if (!a.available()) {
      assertThat(system).isInstanceOf(UnavailableSecretStore.class);
      assertThat(a.description()).isNotBlank();
    } else {
      assertThat(system).isInstanceOf(KeyringSecretStore.class);
    }
  }

  @Test
  void bundlesNeverPrintTheirSecrets() {
    SecretBundle b = SecretBundle.empty().put(SecretKind.PSK, "top-secret".toCharArray());
    assertThat(b.toString()).isEqualTo("SecretBundle[PSK]");
    b.close();
    assertThat(b.get(SecretKind.PSK)).isNull();
  }
}
