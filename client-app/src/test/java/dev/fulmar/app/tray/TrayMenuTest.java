package dev.fulmar.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.app.model.AppState;
import dev.fulmar.control.message.ProfileSummary;
import dev.fulmar.control.message.TunnelState;
import dev.fulmar.control.message.TunnelStatus;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrayMenuTest {
  final Messages m = Messages.forLocale(Locale.ENGLISH);

  AppState state(Availability a, TunnelState s, String profile) {
    AppState st = new AppState();
    st.availabilityProperty().set(a);
    st.profiles().setHelper(List.of(
        new ProfileSummary("1", "Office", ProfileSummary.Source.SYSTEM, "vpn.example.net", "psk"),
        new ProfileSummary("2", "Lab", ProfileSummary.Source.SYSTEM, "lab.example.net", "psk")));
    st.tunnel().apply(new TunnelStatus(s, profile, null, 0,
        s == TunnelState.ERROR ? new dev.fulmar.control.message.Failure("IKE_AUTH",
            "USER_AUTH_FAILED", "x", "y", null) : null, null));
    return st;
  }

  @Test
  void disconnectedOffersEveryProfile() {
    List<TrayMenu.Item> items = TrayMenu.items(state(Availability.READY,
        TunnelState.DISCONNECTED, null), m);
    assertThat(items).extracting(TrayMenu.Item::label).containsExactly(
        "Status: Fulmar VPN: not connected", "", "Connect “Lab”", "Connect “Office”", "",
        "Open Fulmar", "Quit Fulmar");
    assertThat(items.get(2).enabled()).isTrue();
  }

  @Test
  void connectedOffersDisconnectForItsProfileAndHoldsTheOthers() {
    List<TrayMenu.Item> items = TrayMenu.items(state(Availability.READY, TunnelState.CONNECTED,
        "Office"), m);
    TrayMenu.Item office = items.stream().filter(i -> i.profile() != null && i.label().contains("Office")).findFirst()
        .orElseThrow();
    assertThat(office.action()).isEqualTo(TrayMenu.Action.DISCONNECT);
    assertThat(office.label()).isEqualTo("Disconnect “Office”");
    TrayMenu.Item lab = items.stream().filter(i -> i.label().contains("Lab")).findFirst()
        .orElseThrow();
    assertThat(lab.enabled()).isFalse();
    assertThat(items.get(0).label()).isEqualTo("Status: Fulmar VPN: connected to Office");
  }

  @Test
  void withoutTheHelperNothingCanConnect() {
    AppState st = state(Availability.NOT_RUNNING, TunnelState.DISCONNECTED, null);
    st.tunnel().forget();
    assertThat(TrayMenu.items(st, m)).filteredOn(i -> i.action() == TrayMenu.Action.CONNECT)
        .allSatisfy(i -> assertThat(i.enabled()).isFalse());
    assertThat(TrayMenu.tooltip(st, m)).isEqualTo("Fulmar VPN: the helper is not available");
  }

  @ParameterizedTest
  @EnumSource(TunnelState.class)
  void everyStateHasAnIconThatExists(TunnelState s) {
    TrayIconState icon = TrayIconState.of(Availability.READY, true, s);
    for (int size : new int[] {16, 22, 24, 32, 48, 64, 128}) {
      assertThat(icon.icon(size)).as(icon + "@" + size).isNotNull();
    }
  }

  @Test
  void statesMapToTheFourIcons() {
    assertThat(TrayIconState.of(Availability.READY, true, TunnelState.CONNECTED))
        .isEqualTo(TrayIconState.CONNECTED);
    assertThat(TrayIconState.of(Availability.READY, true, TunnelState.RECONNECTING))
        .isEqualTo(TrayIconState.CONNECTING);
    assertThat(TrayIconState.of(Availability.READY, true, TunnelState.ERROR))
        .isEqualTo(TrayIconState.ERROR);
    assertThat(TrayIconState.of(Availability.READY, false, TunnelState.CONNECTED))
        .isEqualTo(TrayIconState.DISCONNECTED);
    assertThat(TrayIconState.of(Availability.NOT_PERMITTED, true, TunnelState.CONNECTED))
        .isEqualTo(TrayIconState.ERROR);
    assertThat(TrayIconState.of(Availability.CONNECTING, false, TunnelState.DISCONNECTED))
        .isEqualTo(TrayIconState.DISCONNECTED);
  }

  @Test
  void picksTheSmallestIconThatIsLargeEnough() {
    assertThat(TrayIconState.CONNECTED.icon(22).getPath()).endsWith("tray-connected-24.png");
    assertThat(TrayIconState.ERROR.icon(16).getPath()).endsWith("tray-error-16.png");
    assertThat(TrayIconState.ERROR.icon(200).getPath()).endsWith("tray-error-64.png");
  }
}
