# Compound commands in the lab shell: for, while/until, if/elif/else, test and [, break/continue, { }, and lines continued with "> ".
for x in a b c; do echo "item $x"; done
for i in $(seq 1 3)
do
  echo "n=$i"
done
LIST="one two"
for w in $LIST "$LIST"; do echo "[$w]"; done
for ns in $(kubectl get ns -o name | head -2); do echo "found $ns"; done
kubectl get ns -o name | head -2 | wc -l
if [ -z "$NOPE" ]; then echo empty; elif true; then echo second; else echo third; fi
if [ 3 -lt 2 ]; then echo less; elif [ 3 -eq 3 ]; then echo equal; else echo more; fi
if test -d /tmp && [ ! -f /tmp/none ]; then
  echo "tmp is a dir"
fi
[ abc = abd ]; echo $?
[ abc != abd ]; echo $?
[ -n "" ]; echo $?
[ x -eq 1 ]; echo $?
[ a = a; echo $?
[ a b ]; echo $?
! false; echo $?
rm -f stop
until [ -f stop ]; do echo "not yet"; touch stop; done
for a in 1 2 3; do for b in x y z; do if [ $b = y ]; then continue 2; fi; if [ $a = 3 ]; then break 2; fi; echo $a$b; done; done
for a in 1 2 3; do echo $a; done | wc -l
{ echo first; echo second; } > group.txt; cat group.txt
i=0; while [ $i -lt 3 ]; do echo "i=$i"; i=$((i+1)); done; echo $((i * 2 + 1))
date; n=0; while true; do kubectl get nodes --no-headers | wc -l; sleep 2; n=$((n+1)); if [ $n -ge 3 ]; then break; fi; done; date
while true; do echo spin; done | tail -1
echo 'a quote
that spans lines'
echo one &&
echo two
for x in a; do done
done
fi
if true; then echo yes; fi fi
for 1x in a; do echo; done
break
mkdir -p manifests && touch manifests/a.yaml manifests/b.yaml manifests/notes.txt manifests/.hidden.yaml
ls manifests/*.yaml
for f in manifests/*.yaml; do echo "apply $f"; done
echo manifests/?otes.txt "manifests/*" manifests/[ab].yaml manifests/*.json
D=manifests; echo $D/.*
docker exec kind-control-plane bash -c 'for f in /etc/kubernetes/manifests/*.yaml; do if [ -f "$f" ]; then echo "static pod: $f"; fi; done'
kubectl get nodes -o name | while read n; do echo "node: $n"; done
printf 'a b c\nd e\n' > pairs.txt; while read x y; do echo "x=$x y=$y"; done < pairs.txt
printf 'one\ntwo' | while read -r line; do echo "got $line"; done
read first rest; echo "first=$first rest=$rest"
alpha beta gamma
for i in 1 2; do sleep 1 & done; wait; date
while false; do :; done; echo "colon ok $?"
docker exec kind-worker bash -c 'echo start; nope; echo "status $?"'
X=""; if [[ $X == abc ]]; then echo eq; else echo ne; fi
Y="a b"; [[ $Y = "a b" ]] && echo same
if true
then echo joined
fi
history | tail -3
