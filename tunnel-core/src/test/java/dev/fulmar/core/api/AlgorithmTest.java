package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.fulmar.core.api.Algorithm.Kind;
import dev.fulmar.core.ike.crypto.AlgorithmPolicy;
import dev.fulmar.core.ike.crypto.TransformKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlgorithmTest {

  @Test
  void everyAlgorithmThatIsNotWeakIsOneThePolicyAccepts() {
    for (Algorithm a : Algorithm.values()) {
      if (a.isWeak() || a.kind() == Kind.ESN || a == Algorithm.KE_NONE) {
        continue;
      }
      assertThatCode(() -> {
        if (a.kind() == Kind.ENCRYPTION) {
          AlgorithmPolicy.checkEncryption(a.transformId(), a.keyBits());
        } else {
          AlgorithmPolicy.check(kindOf(a), a.transformId());
        }
      }).as(a.displayName()).doesNotThrowAnyException();
    }
  }

  @Test
  void namesTheWeakAlgorithmsThePolicyRefuses() {
    assertThat(List.of(Algorithm.values()).stream().filter(Algorithm::isWeak))
        .containsExactly(Algorithm.DES, Algorithm.TRIPLE_DES, Algorithm.BLOWFISH,
            Algorithm.PRF_HMAC_MD5, Algorithm.PRF_HMAC_SHA1, Algorithm.HMAC_MD5_96,
            Algorithm.HMAC_SHA1_96, Algorithm.MODP_768, Algorithm.MODP_1024, Algorithm.MODP_1536);
  }

  private static TransformKind kindOf(Algorithm a) {
    return TransformKind.values()[a.kind().ordinal()];
  }
}
