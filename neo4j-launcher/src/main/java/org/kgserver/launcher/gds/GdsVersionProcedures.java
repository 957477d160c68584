/*
 * Adapted from Neo4j Graph Data Science 2.13 (https://github.com/neo4j/graph-data-science), Copyright (c) "Neo4j"
 * Neo4j Sweden AB [http://neo4j.com]. Licensed under the GNU General Public License version 3 (GPLv3), like GDS
 * Community and Neo4j Community; see https://www.gnu.org/licenses/gpl-3.0.html. This file is distributed under the
 * same licence.
 */
package org.kgserver.launcher.gds;

import java.util.stream.Stream;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserFunction;

/** gds.version() as procedure and function: GDS keeps them in proc-sysinfo, which is not on Maven Central. */
public final class GdsVersionProcedures {
    /** GDS's own lookup (GdsVersionInfoProvider) needs proc-sysinfo's BuildInfoProperties and answers "unknown"
     *  without it, so read the version off the name of the jar a GDS class was loaded from (…-2.13.9.jar). */
    static final String GDS_VERSION = versionFromJarName();

    private static String versionFromJarName() {
        try {
            String jar = org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder.class
                    .getProtectionDomain().getCodeSource().getLocation().getPath();
            var m = java.util.regex.Pattern.compile("-(\\d+\\.\\d+\\.\\d+[^/]*)\\.jar$").matcher(jar);
            return m.find() ? m.group(1) : "unknown";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    @Procedure(value = "gds.version", mode = Mode.READ)
    @Description("CALL gds.version() | Return the installed graph data science library version.")
    public Stream<Row> version() {
        return Stream.of(new Row(GDS_VERSION));
    }

    @UserFunction("gds.version")
    @Description("RETURN gds.version() | Return the installed graph data science library version.")
    public String versionFunction() {
        return GDS_VERSION;
    }

    public static final class Row {
        public final String gdsVersion;

        Row(String gdsVersion) {
            this.gdsVersion = gdsVersion;
        }
    }
}
