// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.tests;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.orrery.dsl.arinc.ArincExporter;
import org.orrery.dsl.arinc.ArincNames;

/**
 * The judge of exported ARINC 653 XML: the public ARINC 653 module schema (fixtures/vendor, see its README),
 * with Orrery's extension schemas loaded first so that the wildcards the standard leaves for implementers are
 * checked strictly against Orrery's declarations (the schema's own imports of AIR's extension files are then
 * answered by the namespaces already loaded).
 */
final class ArincSchema {

    static final String STANDARD = "vendor/arinc653-schema/air_module_a653.xsd";

    private static Schema schema;

    private ArincSchema() {
    }

    static synchronized Schema get() throws Exception {
        if (schema == null) {
            List<Source> sources = new ArrayList<>();
            for (String ext : ArincNames.EXTENSION_SCHEMAS) {
                sources.add(new StreamSource(ArincExporter.class.getResource(ext).toExternalForm()));
            }
            sources.add(new StreamSource(Fixtures.fixture(STANDARD).toFile()));
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources.toArray(Source[]::new));
        }
        return schema;
    }

    static void validate(String xml) throws Exception {
        get().newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
