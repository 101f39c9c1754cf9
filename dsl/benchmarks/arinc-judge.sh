#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Writes the schema an ARINC 653 export of `orrery export-arinc` is judged by: Orrery's extension schemas first,
# then the standard module schema the DSL tests keep (as dsl/org.orrery.dsl.tests ArincSchema loads them).
# Used by the benchmarks' xmllint baselines. Usage: dsl/benchmarks/arinc-judge.sh OUT.xsd
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EXT="$ROOT/dsl/org.orrery.dsl/src/main/resources/org/orrery/dsl/arinc/ext"
cat >"$1" <<XSD
<?xml version="1.0" encoding="UTF-8"?>
<!-- Orrery's extension schemas first, then the standard module schema (whose imports of AIR's files are skipped). -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:import namespace="ModExt" schemaLocation="$EXT/ModExt.xsd"/>
  <xs:import namespace="PartitionExt" schemaLocation="$EXT/PartitionExt.xsd"/>
  <xs:import namespace="Proc_Ext" schemaLocation="$EXT/Proc_Ext.xsd"/>
  <xs:import namespace="Window_Sched_Ext" schemaLocation="$EXT/Window_Sched_Ext.xsd"/>
  <xs:import namespace="Part_Sched_Ext" schemaLocation="$EXT/Part_Sched_Ext.xsd"/>
  <xs:include schemaLocation="$ROOT/dsl/org.orrery.dsl.tests/fixtures/vendor/arinc653-schema/air_module_a653.xsd"/>
</xs:schema>
XSD
