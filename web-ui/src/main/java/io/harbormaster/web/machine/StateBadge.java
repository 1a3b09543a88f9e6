package io.harbormaster.web.machine;

import com.vaadin.flow.component.html.Span;
import io.harbormaster.api.machine.MachineState;

/**
 * A machine's state as a coloured badge: green when it serves, red when it failed, grey when stopped or gone, blue
 * while something is under way. The word is always shown, so the colour is never the only signal, and each pair of
 * colours has a contrast above 7:1. Styled inline because the portal loads no theme stylesheet of its own.
 */
final class StateBadge {

    private StateBadge() {
    }

    static Span of(MachineState state) {
        var badge = new Span(state == null ? "Unknown" : state.name());
        var tone = Tone.of(state);
        badge.addClassName("state-badge");
        badge.getElement().setAttribute("data-tone", tone.name().toLowerCase(java.util.Locale.ROOT));
        badge.getStyle().set("background", tone.background).set("color", tone.text)
                .set("border-radius", "0.75em").set("padding", "0.15em 0.6em").set("font-size", "0.8125rem")
                .set("font-weight", "600").set("white-space", "nowrap");
        return badge;
    }

    enum Tone {
        SERVING("#dcf3e4", "#0a5a27"),
        FAILED("#fde4e4", "#8f1414"),
        IDLE("#e9ecf0", "#2f3944"),
        BUSY("#e2ecfb", "#163f80");

        final String background;
        final String text;

        Tone(String background, String text) {
            this.background = background;
            this.text = text;
        }

        static Tone of(MachineState state) {
            if (state == null) {
                return IDLE;
            }
            return switch (state) {
                case Running -> SERVING;
                case Error, Timeout -> FAILED;
                case Stopped, Paused, Removed, Unknown -> IDLE;
                case Creating, Provisioning, Starting, Stopping, Removing -> BUSY;
            };
        }
    }
}
