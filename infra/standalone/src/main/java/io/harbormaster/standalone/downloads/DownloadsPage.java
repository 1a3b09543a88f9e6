package io.harbormaster.standalone.downloads;

import org.springframework.web.util.HtmlUtils;

/** The {@code /downloads} page: plain HTML, no script, no portal session needed. */
final class DownloadsPage {

    private DownloadsPage() {
    }

    static String render(String server, Downloads.Catalog catalog) {
        var s = HtmlUtils.htmlEscape(server);
        var html = new StringBuilder();
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Get the hm CLI · Harbormaster</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
                pre, code { font-family: ui-monospace, monospace; background: #f4f4f4; padding: .1rem .3rem; }
                pre { padding: .6rem; overflow-x: auto; }
                table { border-collapse: collapse; } td, th { text-align: left; padding: .3rem .8rem .3rem 0; vertical-align: top; }
                td.sum { font-family: ui-monospace, monospace; font-size: .8rem; word-break: break-all; }
                </style>
                </head>
                <body>
                <h1>Get the hm CLI</h1>
                """);
        html.append("<p><code>hm</code> is Harbormaster's workstation client: docker-machine's verbs (<code>hm ls</code>, "
                + "<code>hm env NAME</code>, …) for your team's machines on this server. This is version <strong>")
                .append(HtmlUtils.htmlEscape(catalog.version())).append("</strong>.</p>\n");
        html.append("<h2>Install</h2>\n<pre id=\"one-liner\">curl -fsSL ").append(s).append("/install.sh | sh</pre>\n");
        html.append("""
                <p>It puts <code>hm</code> in <code>~/.local/bin</code> (<code>HM_INSTALL_DIR</code> changes that):
                with a Java 21 or newer on the workstation it installs <code>hm.jar</code> and its launcher, otherwise
                (Linux x86_64) the self-contained build with its own Java runtime. Every download is checked against
                the SHA-256 sums below.</p>
                <h2>Downloads</h2>
                """);
        if (catalog.files().isEmpty()) {
            html.append("<p>This server was built without the hm downloads.</p>\n");
        } else {
            html.append("<table>\n<tr><th>file</th><th>what</th><th>size</th><th>SHA-256</th></tr>\n");
            for (var file : catalog.files()) {
                html.append("<tr><td><a href=\"").append(s).append("/downloads/").append(file.name()).append("\">")
                        .append(file.name()).append("</a></td><td>").append(what(file.name())).append("</td><td>")
                        .append(size(file.size())).append("</td><td class=\"sum\">").append(file.sha256())
                        .append("</td></tr>\n");
            }
            html.append("</table>\n<p>All sums in one file: <a href=\"").append(s)
                    .append("/downloads/SHA256SUMS\">SHA256SUMS</a> (<code>sha256sum -c SHA256SUMS</code>).</p>\n");
        }
        html.append("<h2>Sign in</h2>\n<pre id=\"login\">hm login ").append(s).append("</pre>\n");
        html.append("<p><a href=\"").append(s).append("/\">Back to the portal</a></p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String what(String name) {
        return switch (name) {
            case Downloads.JAR -> "the runnable jar (<code>java -jar hm.jar</code>, Java 21 or newer)";
            case Downloads.LAUNCHER -> "the launcher to put beside <code>hm.jar</code> (finds Java, starts fast)";
            case Downloads.BUNDLE -> "self-contained for Linux x86_64: runtime, hm and its start-up cache";
            default -> "";
        };
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? "%.1f MB".formatted(bytes / (1024.0 * 1024)) : "%d KB".formatted((bytes + 1023) / 1024);
    }
}
