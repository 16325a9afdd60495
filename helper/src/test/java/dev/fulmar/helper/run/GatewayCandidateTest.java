package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import java.net.InetAddress;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which failures send a connection on to the next gateway, and how gateways are named. */
class GatewayCandidateTest {

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void onlyAGatewayThatCannotBeFoundOrDoesNotAnswerIsLeftForTheNext(ErrorCode code) {
    boolean expected = EnumSet.of(ErrorCode.GATEWAY_UNREACHABLE, ErrorCode.GATEWAY_NOT_FOUND)
        .contains(code);
    assertThat(GatewayCandidate.movesOn(IkeFailure.of(FailureStep.IKE_SA_INIT, code)))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aNameIsShownWithItsAddressALiteralAlone() throws Exception {
    InetAddress a = InetAddress.getByName("203.0.113.10");
    assertThat(GatewayCandidate.resolved("vpn2.example.net", 4500, a).label())
        .isEqualTo("vpn2.example.net (203.0.113.10)");
    assertThat(GatewayCandidate.resolved("203.0.113.10", 500, a).label())
        .isEqualTo("203.0.113.10");
    assertThat(GatewayCandidate.unresolvable("vpn3.example.net", 500, "unknown").label())
        .isEqualTo("vpn3.example.net");
  }
}
