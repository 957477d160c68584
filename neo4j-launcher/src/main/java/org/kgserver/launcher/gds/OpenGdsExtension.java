/*
 * Adapted from Neo4j Graph Data Science 2.13 (https://github.com/neo4j/graph-data-science), Copyright (c) "Neo4j"
 * Neo4j Sweden AB [http://neo4j.com]. Licensed under the GNU General Public License version 3 (GPLv3), like GDS
 * Community and Neo4j Community; see https://www.gnu.org/licenses/gpl-3.0.html. This file is distributed under the
 * same licence.
 */
package org.kgserver.launcher.gds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Optional;
import org.neo4j.configuration.Config;
import org.neo4j.gds.applications.modelcatalog.ModelRepository;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.core.model.OpenModelCatalog;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.procedures.ExporterBuildersProviderService;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;
import org.neo4j.logging.internal.LogService;

/**
 * Neo4j Graph Data Science (Community/OpenGDS) for the embedded DBMS, found through
 * META-INF/services/org.neo4j.kernel.extension.ExtensionFactory.
 *
 * <p>Maven Central has GDS's procedures and building blocks (org.neo4j.gds:proc), but not the two pieces that only
 * ship inside the open-gds plugin jar: this wiring extension ("gds.open", which registers the GraphDataScienceProcedures
 * component every GDS procedure injects) and proc-sysinfo (gds.version, gds.debug.sysInfo, gds.license.state). It also
 * registers the procedure and function classes GDS lists in its jars' META-INF/services/org.neo4j.procedure.* files, as
 * the embedded DBMS does not scan the classpath for procedures (only the plugins folder, which we do not use).
 * Adapted from GDS 2.13's OpenGraphDataScienceExtension (GPLv3, like GDS and Neo4j Community).
 */
public final class OpenGdsExtension extends ExtensionFactory<OpenGdsExtension.Dependencies> {
    public OpenGdsExtension() {
        super("gds.open");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext extensionContext, Dependencies dependencies) {
        var log = new LogAccessor().getLog(dependencies.logService(), getClass());
        var config = dependencies.config();
        var globalProcedures = dependencies.globalProcedures();
        ExporterBuildersProviderService exporters = (db, cfg) -> new NativeExportBuildersProvider();
        ModelRepository modelRepository = model -> {
            throw new UnsupportedOperationException("Storing models is not available in GDS Community");
        };
        Lifecycle gds = OpenGraphDataScienceExtensionBuilder.create(
                        log,
                        globalProcedures,
                        config,
                        exporters,
                        new DefaultExportLocation(log, config),
                        new FeatureTogglesRepository(),
                        Metrics.DISABLED,
                        new OpenModelCatalog(),
                        modelRepository,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())
                .getLeft()
                .build();
        // Register the procedures once every extension has run: they inject components that other GDS extensions
        // (UsernameExtension, TaskRegistryExtension, ...) register, and extensions are created in no fixed order.
        return new LifecycleAdapter() {
            @Override
            public void init() throws Exception {
                gds.init();
            }

            @Override
            public void start() throws Exception {
                gds.start();
                register(globalProcedures, "org.neo4j.procedure.Procedure", true);
                register(globalProcedures, "org.neo4j.procedure.UserFunction", false);
                globalProcedures.registerProcedure(GdsVersionProcedures.class);
                globalProcedures.registerFunction(GdsVersionProcedures.class);
            }

            @Override
            public void stop() throws Exception {
                gds.stop();
            }

            @Override
            public void shutdown() throws Exception {
                gds.shutdown();
            }
        };
    }

    private static void register(GlobalProcedures procedures, String service, boolean isProcedure)
            throws IOException, ClassNotFoundException, ProcedureException {
        ClassLoader loader = OpenGdsExtension.class.getClassLoader();
        Enumeration<URL> lists = loader.getResources("META-INF/services/" + service);
        while (lists.hasMoreElements()) {
            String text;
            try (InputStream in = lists.nextElement().openStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : text.split("\\R")) {
                String className = line.strip();
                if (className.isEmpty() || className.startsWith("#") || !className.startsWith("org.neo4j.gds.")) {
                    continue;
                }
                Class<?> type = Class.forName(className, false, loader);
                if (isProcedure) {
                    procedures.registerProcedure(type);
                } else {
                    procedures.registerFunction(type);
                }
            }
        }
    }

    public interface Dependencies {
        Config config();

        GlobalProcedures globalProcedures();

        LogService logService();
    }
}
