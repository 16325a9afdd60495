package dev.fulmar.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.control.message.Failure;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureTextsTest {
  final FailureTexts en = new FailureTexts(Messages.forLocale(Locale.ENGLISH));
  final FailureTexts de = new FailureTexts(Messages.forLocale(Locale.GERMAN));

  @Test
  void knownCodesAreLocalizedFromTheDetails() {
    Failure f = new Failure("IKE_AUTH", "GATEWAY_IDENTITY_MISMATCH", "english", "fix",
        Map.of("names", "vpn.example.org", "expected", "203.0.113.5"));
    assertThat(de.reason(f)).isEqualTo("Das Zertifikat des Gateways gilt für vpn.example.org, "
        + "das Profil verbindet aber mit 203.0.113.5.");
    assertThat(de.step("IKE_AUTH")).isEqualTo("Anmelden");
  }

  @Test
  void unknownCodesOrMissingDetailsFallBackToTheHelpersText() {
    Failure unknown = new Failure("SET_MTU", "MTU_FAILED", "could not set the MTU", "reboot",
        Map.of());
    assertThat(en.reason(unknown)).isEqualTo("could not set the MTU");
    assertThat(en.fix(unknown)).isEqualTo("reboot");
    assertThat(en.step("SET_MTU")).isEqualTo("SET_MTU");
    Failure incomplete = new Failure("RESOLVE_GATEWAY", "GATEWAY_NOT_FOUND", "no such host x",
        "check", Map.of("gateway", "x"));
    assertThat(en.reason(incomplete)).isEqualTo("no such host x");
  }

  @Test
  void detailsListStepCodeAndFactsAndInATranslationTheHelpersOriginalText() {
    Failure f = new Failure("IKE_AUTH", "USER_AUTH_FAILED", "the gateway rejected it", "",
        Map.of("notify", "AUTHENTICATION_FAILED (24)", "zz", "last"));
    assertThat(en.details(f)).extracting(FailureTexts.Detail::label).containsExactly(
        "Failed step", "Error code", "Gateway notify", "zz");
    assertThat(en.details(f).get(0).value()).isEqualTo("signing in (IKE_AUTH)");
    assertThat(de.details(f)).extracting(FailureTexts.Detail::label).endsWith(
        "Meldung des Helfers");
    assertThat(de.details(f).get(de.details(f).size() - 1).value())
        .isEqualTo("the gateway rejected it");
  }

  @Test
  void fingerprintsAreGroupedOnlyWhenTheyAreSha256() {
    assertThat(FailureTexts.fingerprint("sha256:" + "ab".repeat(32))).hasLineCount(2)
        .startsWith("AB:AB:");
    assertThat(FailureTexts.fingerprint("not hex")).isEqualTo("not hex");
  }
}
