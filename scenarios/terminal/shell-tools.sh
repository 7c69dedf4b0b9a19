date
kubectl create secret generic db --from-literal=password=s3cr3t
kubectl get secret db -o jsonpath='{.data.password}' | base64 -d
echo
echo hello | base64
echo aGVsbG8K | base64 -d
kubectl get nodes | awk '{print $1}'
kubectl get nodes --no-headers | awk '{print $1, $2}'
kubectl get pods -A | awk 'NR>1 {print $2}' | head -3
kubectl get pods -A --no-headers | awk '{print $1}' | sort | uniq -c
echo "a:b:c" | cut -d: -f2
echo "Hello" | tr a-z A-Z
printf "%s has %d pods\n" default 0
seq 3
alias kgp='kubectl get pods'
alias
kgp -n kube-system -l k8s-app=kube-dns
history | tail -3
mkdir -p work
echo "apiVersion: v1" > work/a.yaml
cp work/a.yaml work/b.yaml
mv work/b.yaml work/c.yaml
ls work
cp nope x
which kubectl kind nope
vi work/a.yaml
help | head -2
cat <<EOF > colors.txt
red
green
blue
yellow
purple
-x flag
EOF
grep -n -A1 green colors.txt
grep -B1 -e blue -e purple colors.txt
grep -C1 yellow colors.txt
grep -c -v e colors.txt
grep -w -o 'gre\(en\)' colors.txt
grep -- -x colors.txt
grep -E 'red|blue' colors.txt colors.txt
grep -A x colors.txt
grep -q red colors.txt && echo found
