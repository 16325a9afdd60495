package dev.fulmar.helper.control;

import static dev.fulmar.helper.control.ServerHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.NotPermittedException;
import dev.fulmar.control.client.RequestFailedException;
import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.Role;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what: the authorization table of docs/control-protocol.md, request by request. */
class AuthorizationTest {
  @TempDir Path dir;
  private ServerHarness h;

  @BeforeEach
  void start() throws IOException {
    h = new ServerHarness(dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void anOperatorIsWelcomedAsOperator() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE)) {
      assertThat(c.welcome().peer().role()).isEqualTo(Role.OPERATOR);
      assertThat(c.welcome().peer().user()).isEqualTo("alice");
      assertThat(c.status().status().state().name()).isEqualTo("DISCONNECTED");
    }
  }

  @Test
  void rootIsAnAdministrator() throws Exception {
    try (ControlClient c = h.client(Identities.ROOT)) {
      assertThat(c.welcome().peer().role()).isEqualTo(Role.ADMIN);
    }
  }

  @Test
  void aNonMemberIsRefusedWithHowToGetAccessAndTheAttemptIsLogged() {
    assertThatThrownBy(() -> h.client(Identities.BOB))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("bob").hasMessageContaining("group 'fulmar'")
        .hasMessageContaining("usermod -aG fulmar bob");
    assertThat(h.logContains("refused")).isTrue();
    assertThat(h.logContains("bob (uid 1001)")).isTrue();
  }

  @Test
  void operatorsMayNotChangeSystemProfilesOrPolicy() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE)) {
      assertThatThrownBy(() -> c.setPolicy(Policy.DEFAULT))
          .isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_PERMITTED))
          .hasMessageContaining("only root");
      assertThatThrownBy(() -> c.saveSystemProfile(ServerHarness.profile(ServerHarness.HOME_VPN)))
          .isInstanceOf(RequestFailedException.class).hasMessageContaining("only root");
      assertThatThrownBy(() -> c.deleteSystemProfile("Office"))
          .isInstanceOf(RequestFailedException.class);
      assertThat(c.policy()).isEqualTo(Policy.DEFAULT);
    }
    assertThat(h.logContains("refused 'set_policy' from alice")).isTrue();
    assertThat(h.system.systemProfiles()).hasSize(1);
  }

  @Test
  void rootChangesPolicyAndSystemProfiles() throws Exception {
    try (ControlClient c = h.client(Identities.ROOT)) {
      c.saveSystemProfile(ServerHarness.profile(ServerHarness.HOME_VPN));
      assertThat(c.listProfiles().profiles()).extracting(ProfileSummary::name)
          .containsExactly("Office", "Home");
      c.deleteSystemProfile("Home");
      Policy p = new Policy("vpnadmins", true, Policy.KillSwitchRule.ALWAYS_ON, false);
      c.setPolicy(p);
      assertThat(c.policy()).isEqualTo(p);
    }
  }

  @Test
  void thePolicysAdminGroupAdministersToo() throws Exception {
    h.system.setPolicy(new Policy("vpnadmins", true, Policy.KillSwitchRule.USER_CHOICE, true));
    try (ControlClient c = h.client(Identities.CAROL)) {
      assertThat(c.welcome().peer().role()).isEqualTo(Role.ADMIN);
      c.saveSystemProfile(ServerHarness.profile(ServerHarness.HOME_VPN));
    }
    assertThat(h.system.systemProfiles()).hasSize(2);
  }

  @Test
  void aPolicyCanLimitOperatorsToSystemProfiles() throws Exception {
    h.system.setPolicy(new Policy(null, false, Policy.KillSwitchRule.USER_CHOICE, true));
    try (ControlClient c = h.client(Identities.ALICE)) {
      assertThatThrownBy(() -> c.connect(Connect.withProfile(ServerHarness.profile(
          ServerHarness.HOME_VPN), Credentials.eapPassword("pw".toCharArray())), WAIT))
          .isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_PERMITTED))
          .hasMessageContaining("only system profiles");
      assertThat(c.connect(Connect.byName("office", Credentials.eapPassword("pw".toCharArray())),
          WAIT).status().profile()).isEqualTo("Office");
    }
  }

  @Test
  void profilesAUserSentAreListedOnlyForThatUser() throws Exception {
    try (ControlClient c = h.client(Identities.ALICE)) {
      c.connect(Connect.withProfile(ServerHarness.profile(ServerHarness.HOME_VPN),
          Credentials.eapPassword("pw".toCharArray())), WAIT);
      c.disconnect(WAIT);
      assertThat(c.listProfiles().profiles()).extracting(ProfileSummary::name,
          ProfileSummary::source).contains(
              org.assertj.core.groups.Tuple.tuple("Home", ProfileSummary.Source.SENT));
      c.connect(Connect.byName("Home", Credentials.eapPassword("pw".toCharArray())), WAIT);
      c.disconnect(WAIT);
    }
    try (ControlClient c = h.client(Identities.DAVE)) {
      assertThat(c.listProfiles().profiles()).extracting(ProfileSummary::name)
          .containsExactly("Office");
      assertThatThrownBy(() -> c.connect(Connect.byName("Home", null), WAIT))
          .isInstanceOfSatisfying(RequestFailedException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROFILE));
    }
  }
}
