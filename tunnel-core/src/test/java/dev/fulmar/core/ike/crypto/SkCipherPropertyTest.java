package dev.fulmar.core.ike.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of every SK cipher: round trips, and no surprise exceptions on hostile input. */
class SkCipherPropertyTest {

  private static final List<SkCiphers> INITIATORS = ciphers(Role.INITIATOR);
  private static final List<SkCiphers> RESPONDERS = ciphers(Role.RESPONDER);

  @Property(tries = 3000)
  void openOfArbitraryBytesFailsOnlyWithAGeneralSecurityException(
      @ForAll @IntRange(min = 0, max = 5) int suite,
      @ForAll @Size(max = 64) byte[] prefix,
      @ForAll @Size(max = 400) byte[] body) {
    try {
      RESPONDERS.get(suite).inbound().open(prefix, body);
    } catch (GeneralSecurityException expected) {
      // The only permitted failure.
    }
  }

  @Property(tries = 500)
  void openReturnsWhatSealWasGiven(
      @ForAll @IntRange(min = 0, max = 5) int suite,
      @ForAll @Size(max = 64) byte[] prefix,
      @ForAll @Size(max = 2000) byte[] payloads)
      throws GeneralSecurityException {
    SkCipher sender = INITIATORS.get(suite).outbound();
    byte[] body = sender.seal(prefix, payloads);
    assertThat(body).hasSize(sender.sealedLength(payloads.length));
    assertThat(RESPONDERS.get(suite).inbound().open(prefix, body)).isEqualTo(payloads);
  }

  private static List<SkCiphers> ciphers(Role role) {
    try {
      return SkCipherTest.suites()
          .map(
              suite -> {
                try {
                  return suite.ciphers(SkCipherTest.keys(suite), role, new SeededSecureRandom("p"));
                } catch (GeneralSecurityException e) {
                  throw new IllegalStateException(e);
                }
              })
          .collect(Collectors.toList());
    } catch (RefusedAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
