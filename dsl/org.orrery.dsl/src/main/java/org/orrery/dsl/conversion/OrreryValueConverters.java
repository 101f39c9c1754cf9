// SPDX-License-Identifier: EPL-2.0
package org.orrery.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/** Adds addresses (decimal or 0x-hex with optional '_' separators) to Xtext's default converters. */
public class OrreryValueConverters extends DefaultTerminalConverters {

    private final IValueConverter<Long> address = new AddressConverter();
    private final IValueConverter<String> name = new NameConverter();

    /** A name may be any identifier, a short keyword, or a keyword escaped as {@code ^keyword}. */
    @ValueConverter(rule = "Name")
    public IValueConverter<String> Name() {
        return name;
    }

    /** Xtext's own, with a message for a number too large that names the limit rather than Java's int. */
    @Override
    @ValueConverter(rule = "INT")
    public IValueConverter<Integer> INT() {
        return new BoundedInt(super.INT());
    }

    @ValueConverter(rule = "Address")
    public IValueConverter<Long> Address() {
        return address;
    }

    @ValueConverter(rule = "QualifiedName")
    public IValueConverter<String> QualifiedName() {
        return name;
    }

    /** Strips the keyword escape from each segment of a (possibly qualified) name. */
    static final class NameConverter implements IValueConverter<String> {

        @Override
        public String toValue(String string, INode node) {
            return string == null ? null : string.replace("^", "");
        }

        @Override
        public String toString(String value) {
            return value;
        }
    }

    /** Every number the language reads as INT (times, sizes, counts, priorities) is a 32-bit int. */
    static final class BoundedInt implements IValueConverter<Integer> {

        private final IValueConverter<Integer> xtext;

        BoundedInt(IValueConverter<Integer> xtext) {
            this.xtext = xtext;
        }

        @Override
        public Integer toValue(String string, INode node) {
            try {
                return xtext.toValue(string, node);
            } catch (ValueConverterException e) {
                if (e.getCause() instanceof NumberFormatException) {
                    throw new ValueConverterException("'" + string + "' is too large: a number here is at most "
                            + Integer.MAX_VALUE + ".",
                            node, e);
                }
                throw e;
            }
        }

        @Override
        public String toString(Integer value) {
            return xtext.toString(value);
        }
    }

    static final class AddressConverter implements IValueConverter<Long> {

        @Override
        public Long toValue(String string, INode node) {
            if (string == null || string.isEmpty()) {
                throw new ValueConverterException("Address expected.", node, null);
            }
            String digits = string.replace("_", "");
            boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
            try {
                return hex ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new ValueConverterException("Address '" + string + "' is not a 64-bit number.", node, e);
            }
        }

        @Override
        public String toString(Long value) {
            return "0x" + Long.toHexString(value);
        }
    }
}
