package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.helper.run.SupervisorMachine.Phase;
import org.junit.jupiter.api.Test;

/** What a changed network or a resume from suspend does to a tunnel, by where it stands. */
class PathReactionTest {

  @Test
  void aSessionThatIsUpMovesWithMobikeAndIsReplacedWithout() {
    assertThat(PathReaction.toPathChange(Phase.UP, true, true)).isEqualTo(PathReaction.MOVE);
    assertThat(PathReaction.toPathChange(Phase.UP, true, false)).isEqualTo(PathReaction.REPLACE);
  }

  @Test
  void aResumeChecksTheGatewayInsteadOfReplacingTheSession() {
    assertThat(PathReaction.toResume(Phase.UP, false)).isEqualTo(PathReaction.CHECK);
    assertThat(PathReaction.toResume(Phase.UP, true)).isEqualTo(PathReaction.MOVE);
    assertThat(PathReaction.toResume(Phase.CONNECTING, false)).isEqualTo(PathReaction.NOTHING);
  }

  @Test
  void aWaitIsCutShortAndAnAttemptAfterALossStartsOver() {
    assertThat(PathReaction.toPathChange(Phase.WAITING, true, false))
        .isEqualTo(PathReaction.TRY_NOW);
    assertThat(PathReaction.toResume(Phase.WAITING, false)).isEqualTo(PathReaction.TRY_NOW);
    assertThat(PathReaction.toPathChange(Phase.CONNECTING, true, false))
        .isEqualTo(PathReaction.START_OVER);
  }

  @Test
  void theFirstAttemptAndAnEndedTunnelAreLeftAlone() {
    assertThat(PathReaction.toPathChange(Phase.CONNECTING, false, false))
        .isEqualTo(PathReaction.NOTHING);
    assertThat(PathReaction.toPathChange(Phase.ENDED, true, false))
        .isEqualTo(PathReaction.NOTHING);
    assertThat(PathReaction.toPathChange(Phase.IDLE, false, false))
        .isEqualTo(PathReaction.NOTHING);
  }

  @Test
  void theUserReadsHowTheTunnelReacts() {
    assertThat(PathReaction.REPLACE.detail("local address changed"))
        .isEqualTo("local address changed (no MOBIKE)");
    assertThat(PathReaction.TRY_NOW.startsOver()).isTrue();
    assertThat(PathReaction.CHECK.startsOver()).isFalse();
  }
}
