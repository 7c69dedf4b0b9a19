# Malformed manifests and invalid values: both kubectls must refuse them in the same words.
cat <<EOF2 > list-annotations.yaml
apiVersion: v1
kind: Secret
type: kubernetes.io/service-account-token
metadata:
  name: mysecretname
  annotations:
    - kubernetes.io/service-account.name: myserviceaccount
EOF2
kubectl apply -f list-annotations.yaml
kubectl create -f list-annotations.yaml
cat <<EOF2 > bool-annotation.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
  annotations:
    note: yes
EOF2
kubectl apply -f bool-annotation.yaml
cat <<EOF2 > string-labels.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels: hello
EOF2
kubectl apply -f string-labels.yaml
cat <<EOF2 > number-label.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: d
  labels:
    app: 3
EOF2
kubectl apply -f number-label.yaml
cat <<EOF2 > bad-labels.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: e
  labels:
    __proto__: x
    good: "has space"
    example.com/ok: fine
    -bad-: value
EOF2
kubectl apply -f bad-labels.yaml
cat <<EOF2 > bad-name.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: Bad_Name
EOF2
kubectl apply -f bad-name.yaml
cat <<EOF2 > broken.yaml
apiVersion: v1
kind: Pod
metadata:
  name: broken
 spec:
  containers: []
EOF2
kubectl apply -f broken.yaml
cat <<EOF2 > nokind.yaml
apiVersion: v1
metadata:
  name: nokind
EOF2
kubectl apply -f nokind.yaml
cat <<EOF2 > unknown-kind.yaml
apiVersion: v1
kind: Shirt
metadata:
  name: red
EOF2
kubectl apply -f unknown-kind.yaml
kubectl get cm
